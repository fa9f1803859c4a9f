package org.modelregistry.application.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.modelregistry.application.registration.RegistrationServices.REF;
import static org.modelregistry.application.registration.RegistrationServices.content;
import static org.modelregistry.domain.testdata.TestIdentities.anAdmin;
import static org.modelregistry.domain.testdata.TestIdentities.anIdentity;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.modelregistry.domain.error.ForbiddenException;
import org.modelregistry.domain.error.NotFoundException;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.naming.ResourceName;
import org.modelregistry.domain.registration.MetainfoPatch;
import org.modelregistry.domain.registration.RegisteredModel;
import org.modelregistry.domain.registration.Registration;
import org.modelregistry.domain.registration.RegistrationDocuments;
import org.modelregistry.domain.registration.RegistrationUpdate;
import org.modelregistry.domain.registration.TestRegistrations;
import org.modelregistry.domain.registration.VersionName;
import org.modelregistry.domain.registration.Visibility;
import org.modelregistry.ports.in.registration.GetRegisteredModelUseCase;
import org.modelregistry.ports.in.registration.ModelVersionRef;
import org.modelregistry.ports.in.registration.ReadModelFileUseCase.FileContent;
import org.modelregistry.ports.in.registration.RegisteredModelQuery;
import org.modelregistry.ports.out.RegisteredModelRepository;
import org.modelregistry.ports.paging.Page;
import org.modelregistry.ports.paging.PageRequest;

/**
 * Who may see and change registered versions: the owner and administrators always, everyone else
 * (anonymous readers too) only sees a public one and changes none. Someone else's private version
 * is not found, exactly as one that does not exist.
 */
class RegistrationAccessTest {

  /** The owner: the {@link TestRegistrations#OWNER} every registration here is made by. */
  private static final Caller ALICE =
      Caller.of(anIdentity().withId(TestRegistrations.OWNER).withAccounts("acct-1").build());

  /** Another identity, with memberships that count for nothing here. */
  private static final Caller BOB =
      Caller.of(
          anIdentity()
              .withId("bob")
              .withDisplayName("Bob")
              .withAccounts("acct-1")
              .withWorkspaces("team")
              .build());

  private static final Caller ROOT = Caller.of(anAdmin().build());
  private static final Caller ANONYMOUS = Caller.anonymous();

  private static final ModelVersionRef OF_ALICE = withOwner(TestRegistrations.OWNER);
  private static final FilePath INDEX = new FilePath("index.md");

  private final RegistrationServices services = new RegistrationServices().servingAllFiles();
  private final ListRegisteredModelsService list = new ListRegisteredModelsService(services.models);

  @AfterEach
  void close() {
    services.close();
  }

  private static ModelVersionRef withOwner(String owner) {
    return new ModelVersionRef(REF.name(), REF.version(), Optional.of(owner));
  }

  private static Registration registration(String name, boolean isPublic) {
    var body = TestRegistrations.putBody();
    TestRegistrations.at(body, "model_config").put("private", !isPublic);
    return RegistrationDocuments.readRegistration(name, TestRegistrations.VERSION, body);
  }

  /** Registers the test version as Alice and waits until its import (and its job) ended. */
  private RegisteredModel registeredByAlice(boolean isPublic) {
    services.register.register(ALICE, registration(TestRegistrations.NAME, isPublic));
    RegisteredModel ended = services.get.await(ALICE, REF, GetRegisteredModelUseCase.MAX_WAIT);
    services.importer.awaitEnd(ended.id(), GetRegisteredModelUseCase.MAX_WAIT);
    assertThat(ended.isReady()).isTrue();
    assertThat(ended.visibility()).isEqualTo(isPublic ? Visibility.PUBLIC : Visibility.PRIVATE);
    return ended;
  }

  private static RegistrationUpdate describedAs(String description) {
    return new RegistrationUpdate(null, description, MetainfoPatch.EMPTY);
  }

  private static RegistrationUpdate makePrivate() {
    return new RegistrationUpdate(Visibility.PRIVATE, null, MetainfoPatch.EMPTY);
  }

  private static String notFoundMessage(ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).isInstanceOf(NotFoundException.class);
    return thrown.getMessage();
  }

  private static byte[] readAll(FileContent content) throws IOException {
    try (content) {
      return content.bytes().readAllBytes();
    }
  }

  // --- a private version

  @Test
  void givenAPrivateVersion_theOwnerAndAnAdminNamingTheOwner_getAndReadIt() throws IOException {
    RegisteredModel registered = registeredByAlice(false);

    assertThat(services.get.get(ALICE, REF)).isEqualTo(registered);
    assertThat(services.get.get(ALICE, OF_ALICE)).isEqualTo(registered);
    assertThat(services.get.get(ROOT, OF_ALICE)).isEqualTo(registered);
    assertThat(services.read.describe(ROOT, OF_ALICE, INDEX).target()).isEqualTo(INDEX);
    assertThat(readAll(services.read.open(ROOT, OF_ALICE, INDEX, 0, -1)))
        .isEqualTo(content("index.md"));
    assertThat(readAll(services.read.open(ALICE, REF, INDEX, 0, -1)))
        .isEqualTo(content("index.md"));
  }

  @Test
  void givenAPrivateVersion_anAdminWithoutTheOwner_findsOnlyItsOwnOrAPublicOne() {
    registeredByAlice(false);

    // Without an owner a ref means the caller's own version, else the single public one.
    assertThatThrownBy(() -> services.get.get(ROOT, REF)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void givenAPrivateVersion_anOutsiderOrAnAnonymousCaller_getsNotFoundLikeAMissingVersion() {
    registeredByAlice(false);
    String missing = notFoundMessage(() -> services.get.get(BOB, withOwner("nobody")));

    for (Caller stranger : List.of(BOB, ANONYMOUS)) {
      assertThat(notFoundMessage(() -> services.get.get(stranger, REF))).isEqualTo(missing);
      assertThat(notFoundMessage(() -> services.get.get(stranger, OF_ALICE))).isEqualTo(missing);
      assertThat(
              notFoundMessage(
                  () -> services.get.await(stranger, OF_ALICE, GetRegisteredModelUseCase.MAX_WAIT)))
          .isEqualTo(missing);
    }
  }

  @Test
  void givenAPrivateVersion_anOutsiderOrAnAnonymousCaller_cannotDescribeOrOpenItsFiles() {
    registeredByAlice(false);
    String missing = notFoundMessage(() -> services.get.get(BOB, withOwner("nobody")));

    for (Caller stranger : List.of(BOB, ANONYMOUS)) {
      for (ModelVersionRef ref : List.of(REF, OF_ALICE)) {
        assertThat(notFoundMessage(() -> services.read.describe(stranger, ref, INDEX)))
            .isEqualTo(missing);
        assertThat(notFoundMessage(() -> services.read.open(stranger, ref, INDEX, 0, -1)))
            .isEqualTo(missing);
        // Not even whether a file of that name exists.
        assertThat(
                notFoundMessage(
                    () -> services.read.describe(stranger, ref, new FilePath("absent.bin"))))
            .isEqualTo(missing);
      }
    }
  }

  @Test
  void givenAPrivateVersion_anOutsiderOrAnAnonymousCaller_cannotUpdateOrDeleteIt() {
    RegisteredModel registered = registeredByAlice(false);
    List<String> storedBytes = services.store.paths();

    for (Caller stranger : List.of(BOB, ANONYMOUS)) {
      for (ModelVersionRef ref : List.of(REF, OF_ALICE)) {
        assertThatThrownBy(() -> services.update.update(stranger, ref, describedAs("hijacked")))
            .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> services.delete.delete(stranger, ref))
            .isInstanceOf(NotFoundException.class);
      }
    }

    assertThat(services.models.findById(registered.id())).contains(registered);
    assertThat(services.store.paths()).isEqualTo(storedBytes).isNotEmpty();
  }

  @Test
  void givenSomeoneElsesPrivateVersion_anAdmin_updatesIt() {
    RegisteredModel registered = registeredByAlice(false);

    RegisteredModel updated = services.update.update(ROOT, OF_ALICE, describedAs("by root"));

    assertThat(updated.description()).isEqualTo("by root");
    assertThat(updated.ownerId()).isEqualTo(TestRegistrations.OWNER);
    assertThat(updated.files()).isEqualTo(registered.files());
    assertThat(services.models.findById(registered.id())).contains(updated);
  }

  @Test
  void givenSomeoneElsesPrivateVersion_anAdmin_deletesItAndItsBytes() {
    RegisteredModel registered = registeredByAlice(false);
    assertThat(services.store.paths()).isNotEmpty();

    services.delete.delete(ROOT, OF_ALICE);

    assertThat(services.models.findById(registered.id())).isEmpty();
    assertThat(services.store.paths()).isEmpty();
  }

  // --- a public version

  @Test
  void givenAPublicVersion_anOutsiderAndAnAnonymousCaller_getAndReadIt() throws IOException {
    RegisteredModel registered = registeredByAlice(true);

    for (Caller stranger : List.of(BOB, ANONYMOUS)) {
      assertThat(services.get.get(stranger, REF)).isEqualTo(registered);
      assertThat(services.get.get(stranger, OF_ALICE)).isEqualTo(registered);
      assertThat(services.read.describe(stranger, REF, INDEX).target()).isEqualTo(INDEX);
      assertThat(readAll(services.read.open(stranger, OF_ALICE, INDEX, 0, -1)))
          .isEqualTo(content("index.md"));
    }
  }

  @Test
  void givenAPublicVersion_anOutsiderOrAnAnonymousCaller_isForbiddenToChangeIt() {
    RegisteredModel registered = registeredByAlice(true);
    List<String> storedBytes = services.store.paths();

    for (Caller stranger : List.of(BOB, ANONYMOUS)) {
      for (ModelVersionRef ref : List.of(REF, OF_ALICE)) {
        assertThatThrownBy(() -> services.update.update(stranger, ref, makePrivate()))
            .isInstanceOf(ForbiddenException.class)
            .hasMessageContaining("only the owner");
        assertThatThrownBy(() -> services.delete.delete(stranger, ref))
            .isInstanceOf(ForbiddenException.class)
            .hasMessageContaining("only the owner");
      }
    }

    assertThat(services.models.findById(registered.id())).contains(registered);
    assertThat(services.store.paths()).isEqualTo(storedBytes).isNotEmpty();
  }

  // --- registering and listing

  @Test
  void givenAnAnonymousCaller_register_isForbiddenAndStoresAndFetchesNothing() {
    assertThatThrownBy(
            () -> services.register.register(ANONYMOUS, registration("anon-model", true)))
        .isInstanceOf(ForbiddenException.class);

    assertThat(
            services
                .models
                .list(RegisteredModelQuery.visibleTo(ROOT, PageRequest.first(100)))
                .items())
        .isEmpty();
    assertThat(services.models.findImporting()).isEmpty();
    assertThat(services.store.paths()).isEmpty();
    TestRegistrations.FILES.forEach(
        file -> assertThat(services.fetcher.fetchesOf(TestRegistrations.signedUrl(file))).isZero());
  }

  @Test
  void givenPrivateAndPublicVersionsOfTwoOwners_list_showsEachCallerOnlyWhatItMaySee() {
    Instant at = TestRegistrations.REGISTERED_AT;
    // Stored directly: listing needs no import, and the newest comes first.
    services.models.insert(
        RegisteredModel.create("r-1", "alice", registration("a-priv", false), at));
    services.models.insert(
        RegisteredModel.create("r-2", "alice", registration("a-pub", true), at.plusSeconds(1)));
    services.models.insert(
        RegisteredModel.create("r-3", "bob", registration("b-priv", false), at.plusSeconds(2)));
    services.models.insert(
        RegisteredModel.create("r-4", "bob", registration("b-pub", true), at.plusSeconds(3)));

    assertThat(listedNames(ROOT)).containsExactly("b-pub", "b-priv", "a-pub", "a-priv");
    assertThat(listedNames(ALICE)).containsExactly("b-pub", "a-pub", "a-priv");
    assertThat(listedNames(BOB)).containsExactly("b-pub", "b-priv", "a-pub");
    assertThat(listedNames(ANONYMOUS)).containsExactly("b-pub", "a-pub");
    assertThat(
            list.list(
                    new RegisteredModelQuery(
                        BOB,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of("alice"),
                        Optional.empty(),
                        Optional.empty(),
                        PageRequest.first(100)))
                .totalItemCount())
        .isEqualTo(1);
  }

  // --- known gaps

  @Test
  void givenAnAnonymousCallerAndARefusedSource_register_isForbiddenBeforeAnySourceIsChecked() {
    services.fetcher.refuseHost("storage.example");

    assertThatThrownBy(
            () -> services.register.register(ANONYMOUS, registration("anon-model", true)))
        .isInstanceOf(ForbiddenException.class);
    assertThat(services.models.findImporting()).isEmpty();
  }

  @Test
  void givenAPublicVersionMadePrivateDuringAnOutsidersWait_await_doesNotReturnIt() {
    // Public and IMPORTING, with no import running here: await polls the store.
    services.models.insert(
        RegisteredModel.create(
            TestRegistrations.MODEL_ID,
            TestRegistrations.OWNER,
            registration(TestRegistrations.NAME, true),
            TestRegistrations.REGISTERED_AT));
    // The owner makes it private (and it becomes READY) right after the outsider's wait resolved
    // it.
    RegisteredModel madePrivate = TestRegistrations.aReadyModel();
    assertThat(madePrivate.visibility()).isEqualTo(Visibility.PRIVATE);
    var get =
        new GetRegisteredModelService(
            new ChangedOnFirstReread(services.models, madePrivate), services.importer);

    RegisteredModel seen;
    try {
      seen = get.await(BOB, REF, Duration.ofMillis(50));
    } catch (NotFoundException acceptable) {
      return;
    }
    assertThat(seen.visibility())
        .as("what the outsider's wait returned")
        .isEqualTo(Visibility.PUBLIC);
  }

  /** Stores {@code change} just before the first read by id, as a concurrent update would. */
  private static final class ChangedOnFirstReread implements RegisteredModelRepository {

    private final RegisteredModelRepository delegate;
    private final RegisteredModel change;
    private boolean changed;

    ChangedOnFirstReread(RegisteredModelRepository delegate, RegisteredModel change) {
      this.delegate = delegate;
      this.change = change;
    }

    @Override
    public Optional<RegisteredModel> findById(String id) {
      if (!changed) {
        changed = true;
        assertThat(delegate.update(change)).isTrue();
      }
      return delegate.findById(id);
    }

    @Override
    public void insert(RegisteredModel model) {
      delegate.insert(model);
    }

    @Override
    public boolean update(RegisteredModel model) {
      return delegate.update(model);
    }

    @Override
    public Optional<RegisteredModel> find(String ownerId, ResourceName name, VersionName version) {
      return delegate.find(ownerId, name, version);
    }

    @Override
    public List<RegisteredModel> findPublic(ResourceName name, VersionName version) {
      return delegate.findPublic(name, version);
    }

    @Override
    public Page<RegisteredModel> list(RegisteredModelQuery query) {
      return delegate.list(query);
    }

    @Override
    public List<RegisteredModel> findImporting() {
      return delegate.findImporting();
    }

    @Override
    public java.util.Map<org.modelregistry.domain.registration.ImportState, Long> countByState() {
      return delegate.countByState();
    }

    @Override
    public boolean delete(String id) {
      return delegate.delete(id);
    }
  }

  private List<String> listedNames(Caller viewer) {
    var page = list.list(RegisteredModelQuery.visibleTo(viewer, PageRequest.first(100)));
    assertThat(page.totalItemCount()).isEqualTo(page.items().size());
    return page.items().stream().map(RegisteredModel::name).map(ResourceName::value).toList();
  }
}
