package org.modelregistry.ports.out.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.identity.Actor;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.identity.IdentityType;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.naming.ResourceName;
import org.modelregistry.domain.registration.FileImport;
import org.modelregistry.domain.registration.FileImportState;
import org.modelregistry.domain.registration.ImportState;
import org.modelregistry.domain.registration.MetainfoPatch;
import org.modelregistry.domain.registration.ModelKind;
import org.modelregistry.domain.registration.RegisteredModel;
import org.modelregistry.domain.registration.Registration;
import org.modelregistry.domain.registration.RegistrationConfig;
import org.modelregistry.domain.registration.RegistrationDocuments;
import org.modelregistry.domain.registration.RegistrationUpdate;
import org.modelregistry.domain.registration.TestRegistrations;
import org.modelregistry.domain.registration.VersionName;
import org.modelregistry.domain.registration.Visibility;
import org.modelregistry.ports.in.registration.RegisteredModelQuery;
import org.modelregistry.ports.out.RegisteredModelRepository;
import org.modelregistry.ports.out.TransactionRunner;
import org.modelregistry.ports.paging.Page;
import org.modelregistry.ports.paging.PageCursor;
import org.modelregistry.ports.paging.PageRequest;

/**
 * The behaviour every {@link RegisteredModelRepository} shares; extend it once per implementation
 * and return a fresh, empty repository with the transaction runner of the same store from {@link
 * #openRepository()}.
 */
public abstract class RegisteredModelRepositoryContract {

  /**
   * The repository under test and the transaction runner of its store; closing releases whatever
   * the implementation opened. The runner must make read-modify-write sequences atomic.
   */
  public record RegisteredModelStore(
      RegisteredModelRepository repository, TransactionRunner transactions, AutoCloseable resources)
      implements AutoCloseable {

    public RegisteredModelStore {
      Objects.requireNonNull(repository, "repository");
      Objects.requireNonNull(transactions, "transactions");
      Objects.requireNonNull(resources, "resources");
    }

    /** A store that holds nothing to release. */
    public static RegisteredModelStore of(
        RegisteredModelRepository repository, TransactionRunner transactions) {
      return new RegisteredModelStore(repository, transactions, () -> {});
    }

    @Override
    public void close() throws Exception {
      resources.close();
    }
  }

  protected static final String ALICE = TestRegistrations.OWNER;
  protected static final String BOB = "bob";
  protected static final String CAROL = "carol";

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final String SHA256 = "0123456789abcdef".repeat(4);
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  /** The order of lists: creation time, then id, both descending. */
  private static final Comparator<RegisteredModel> NEWEST_FIRST =
      Comparator.comparing(RegisteredModel::createdAt)
          .thenComparing(RegisteredModel::id)
          .reversed();

  protected RegisteredModelRepository repository;
  protected TransactionRunner transactions;
  private RegisteredModelStore store;

  /** A fresh, empty store for one test; it is closed after it. */
  protected abstract RegisteredModelStore openRepository() throws Exception;

  @BeforeEach
  protected final void openFreshRepository() throws Exception {
    store = openRepository();
    repository = store.repository();
    transactions = store.transactions();
  }

  @AfterEach
  protected final void closeRepository() throws Exception {
    if (store != null) {
      store.close();
    }
  }

  // ---- test data ---------------------------------------------------------------------------

  protected static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }

  /** A new version of the full test registration (every section, a password, signed URLs). */
  protected static Versions aVersion() {
    return new Versions();
  }

  /** Builds versions that differ from the full test registration only in what a test sets. */
  protected static final class Versions {
    private String id = "rm-" + UUID.randomUUID();
    private String owner = ALICE;
    private String name = TestRegistrations.NAME;
    private String version = "1.0." + SEQUENCE.incrementAndGet();
    private Visibility visibility = Visibility.PRIVATE;
    private ModelKind type = ModelKind.DECODER;
    private Instant createdAt = T0;

    public Versions id(String id) {
      this.id = id;
      return this;
    }

    public Versions owner(String owner) {
      this.owner = owner;
      return this;
    }

    public Versions name(String name) {
      this.name = name;
      return this;
    }

    public Versions version(String version) {
      this.version = version;
      return this;
    }

    public Versions visibility(Visibility visibility) {
      this.visibility = visibility;
      return this;
    }

    public Versions type(ModelKind type) {
      this.type = type;
      return this;
    }

    public Versions createdAt(Instant createdAt) {
      this.createdAt = createdAt;
      return this;
    }

    public RegisteredModel build() {
      Registration base = TestRegistrations.aRegistration();
      RegistrationConfig config = base.config();
      var registration =
          new Registration(
              new ResourceName(name),
              new VersionName(version),
              visibility,
              base.description(),
              base.metainfo(),
              new RegistrationConfig(
                  type, config.inference(), config.training(), config.preprocessing()),
              base.files());
      return RegisteredModel.create(id, owner, registration, createdAt);
    }
  }

  protected RegisteredModel stored(Versions builder) {
    return stored(builder.build());
  }

  protected RegisteredModel stored(RegisteredModel model) {
    repository.insert(model);
    return model;
  }

  private static FilePath file(int index) {
    return new FilePath(TestRegistrations.FILES.get(index));
  }

  /** {@code model} with every file copied and stored. */
  private static RegisteredModel ready(RegisteredModel model) {
    for (FileImport file : model.files()) {
      model = model.startFile(file.target(), 10L, at(100));
      model = model.completeFile(file.target(), 10, SHA256, at(100));
    }
    return model;
  }

  private static List<String> ids(List<RegisteredModel> models) {
    return models.stream().map(RegisteredModel::id).toList();
  }

  private static List<RegisteredModel> newestFirst(List<RegisteredModel> models) {
    var sorted = new ArrayList<>(models);
    sorted.sort(NEWEST_FIRST);
    return sorted;
  }

  /** An identity that belongs to nothing: it sees public versions and its own. */
  private static Caller user(String id) {
    return new Caller(
        Optional.of(new Actor(id, IdentityType.USER)), Set.of(), Set.of(), false, false);
  }

  private Page<RegisteredModel> list(String viewer, PageRequest page) {
    return repository.list(RegisteredModelQuery.visibleTo(user(viewer), page));
  }

  private List<RegisteredModel> listAll(String viewer) {
    return list(viewer, PageRequest.first(PageRequest.MAX_LIMIT)).items();
  }

  private static RegisteredModelQuery query(
      String viewer,
      Optional<ModelKind> type,
      Optional<Visibility> visibility,
      Optional<String> owner,
      Optional<String> name,
      Optional<String> namePrefix) {
    return new RegisteredModelQuery(
        user(viewer),
        type,
        visibility,
        owner,
        name.map(ResourceName::new),
        namePrefix,
        PageRequest.first(100));
  }

  private List<RegisteredModel> listWithPrefix(String viewer, String prefix) {
    return repository
        .list(
            query(
                viewer,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(prefix)))
        .items();
  }

  // ---- round trip --------------------------------------------------------------------------

  @Test
  void givenJustRegisteredVersion_insertThenFindById_returnsAnEqualVersion() {
    RegisteredModel model =
        stored(
            RegisteredModel.create(
                TestRegistrations.MODEL_ID,
                ALICE,
                TestRegistrations.aRegistration(),
                Instant.parse("2026-02-03T04:05:06.654321Z")));

    Optional<RegisteredModel> found = repository.findById(model.id());

    assertThat(found).contains(model);
    RegisteredModel read = found.get();
    assertThat(read.ownerId()).isEqualTo(ALICE);
    assertThat(read.name().value()).isEqualTo(TestRegistrations.NAME);
    assertThat(read.version().value()).isEqualTo(TestRegistrations.VERSION);
    assertThat(read.visibility()).isEqualTo(model.visibility());
    assertThat(read.description()).isEqualTo("Summarizes Python functions");
    assertThat(read.metainfo()).isNotNull().isEqualTo(model.metainfo());
    assertThat(read.config()).isEqualTo(model.config());
    assertThat(read.type()).isEqualTo(ModelKind.DECODER);
    assertThat(read.state()).isEqualTo(ImportState.IMPORTING);
    assertThat(read.files()).isEqualTo(model.files()).hasSize(TestRegistrations.FILES.size());
    assertThat(read.files())
        .extracting(f -> f.source().value())
        .containsExactlyElementsOf(
            TestRegistrations.FILES.stream().map(TestRegistrations::signedUrl).toList());
    assertThat(read.createdAt()).isEqualTo(Instant.parse("2026-02-03T04:05:06.654321Z"));
    assertThat(read.updatedAt()).isEqualTo(read.createdAt());
  }

  @Test
  void givenConfigWithDockerRegistryPassword_insertThenFindById_keepsThePassword() {
    RegisteredModel model = stored(aVersion());

    RegisteredModel read = repository.findById(model.id()).orElseThrow();

    assertThat(read.config().inference().dockerRegistry().password().value())
        .isEqualTo(TestRegistrations.PASSWORD);
    assertThat(read.config()).isEqualTo(model.config());
  }

  @Test
  void givenVersionPartlyImported_insertThenFindById_keepsEveryFilesState() {
    RegisteredModel model =
        aVersion()
            .build()
            .startFile(file(0), 10L, at(1))
            .completeFile(file(0), 10, SHA256.toUpperCase(Locale.ROOT), at(2))
            .startFile(file(1), 1_000_000_000_000L, at(3))
            .recordProgress(file(1), 400_000_000_000L, at(4))
            .startFile(file(2), null, at(5))
            .recordProgress(file(2), 5, at(6))
            .startFile(file(3), 0L, at(7))
            .completeFile(file(3), 0, SHA256, at(8));
    stored(model);

    RegisteredModel read = repository.findById(model.id()).orElseThrow();

    assertThat(read).isEqualTo(model);
    assertThat(read.state()).isEqualTo(ImportState.IMPORTING);
    assertThat(read.updatedAt()).isEqualTo(at(8));
    assertThat(read.files())
        .extracting(FileImport::state)
        .containsExactly(
            FileImportState.STORED,
            FileImportState.COPYING,
            FileImportState.COPYING,
            FileImportState.STORED,
            FileImportState.PENDING,
            FileImportState.PENDING,
            FileImportState.PENDING);
    FileImport stored = read.files().get(0);
    assertThat(stored.size()).isEqualTo(10L);
    assertThat(stored.sha256()).isEqualTo(SHA256);
    assertThat(stored.bytesCopied()).isEqualTo(10L);
    FileImport copying = read.files().get(1);
    assertThat(copying.expectedBytes()).isEqualTo(1_000_000_000_000L);
    assertThat(copying.bytesCopied()).isEqualTo(400_000_000_000L);
    assertThat(copying.size()).isNull();
    assertThat(copying.sha256()).isNull();
    FileImport unknownSize = read.files().get(2);
    assertThat(unknownSize.expectedBytes()).isNull();
    assertThat(unknownSize.bytesCopied()).isEqualTo(5L);
    FileImport empty = read.files().get(3);
    assertThat(empty.size()).isZero();
    assertThat(empty.expectedBytes()).isZero();
  }

  @Test
  void givenFailedVersion_insertThenFindById_keepsEveryFailureReason() {
    RegisteredModel model =
        aVersion()
            .build()
            .startFile(file(0), 10L, at(1))
            .completeFile(file(0), 10, SHA256, at(2))
            .startFile(file(1), 100L, at(3))
            .recordProgress(file(1), 60, at(4))
            .failFile(file(1), "connection reset \"mid-stream\" ✓ after 60 bytes", at(5));
    stored(model);

    RegisteredModel read = repository.findById(model.id()).orElseThrow();

    assertThat(read).isEqualTo(model);
    assertThat(read.state()).isEqualTo(ImportState.FAILED);
    assertThat(read.failureReasons()).isEqualTo(model.failureReasons()).hasSize(6);
    assertThat(read.failureReasons().get(file(1)))
        .isEqualTo("connection reset \"mid-stream\" ✓ after 60 bytes");
    FileImport failed = read.files().get(1);
    assertThat(failed.expectedBytes()).isEqualTo(100L);
    assertThat(failed.bytesCopied()).isEqualTo(60L);
    assertThat(read.files().get(0).state()).isEqualTo(FileImportState.STORED);
  }

  @Test
  void givenReadyVersion_insertThenFindById_returnsItReady() {
    RegisteredModel model = stored(ready(aVersion().build()));

    RegisteredModel read = repository.findById(model.id()).orElseThrow();

    assertThat(read).isEqualTo(model);
    assertThat(read.isReady()).isTrue();
  }

  @Test
  void givenLegacyRegistrationWithoutMetainfo_insertThenFindById_keepsMetainfoAbsent() {
    Registration legacy =
        RegistrationDocuments.readLegacyRegistration(TestRegistrations.legacyBody());
    RegisteredModel model = stored(RegisteredModel.create("rm-legacy", BOB, legacy, at(3)));

    RegisteredModel read = repository.findById(model.id()).orElseThrow();

    assertThat(read).isEqualTo(model);
    assertThat(read.metainfo()).isNull();
    assertThat(read.description()).isEqualTo("code completion");
    assertThat(read.type()).isEqualTo(ModelKind.SEQ2SEQ);
    assertThat(read.config().training()).isNull();
  }

  @Test
  void givenVersionWithoutDescription_insertThenFindById_keepsItEmpty() {
    Registration base = TestRegistrations.aRegistration();
    var registration =
        new Registration(
            base.name(),
            base.version(),
            Visibility.PUBLIC,
            null,
            base.metainfo(),
            base.config(),
            base.files());
    RegisteredModel model = stored(RegisteredModel.create("rm-bare", ALICE, registration, at(1)));

    RegisteredModel read = repository.findById(model.id()).orElseThrow();

    assertThat(read).isEqualTo(model);
    assertThat(read.description()).isEmpty();
    assertThat(read.visibility()).isEqualTo(Visibility.PUBLIC);
  }

  @Test
  void givenNoVersions_findById_returnsEmpty() {
    assertThat(repository.findById("no-such-version")).isEmpty();
  }

  @Test
  void givenStoredVersion_findByOwnerNameAndVersion_returnsOnlyThatOwnersVersion() {
    RegisteredModel mine = stored(aVersion().name("shared").version("1.0"));
    RegisteredModel other = stored(aVersion().name("shared").version("1.1"));
    ResourceName shared = new ResourceName("shared");

    assertThat(repository.find(ALICE, shared, new VersionName("1.0"))).contains(mine);
    assertThat(repository.find(ALICE, shared, new VersionName("1.1"))).contains(other);
    assertThat(repository.find(BOB, shared, new VersionName("1.0"))).isEmpty();
    assertThat(repository.find(ALICE, new ResourceName("other"), new VersionName("1.0"))).isEmpty();
    assertThat(repository.find(ALICE, shared, new VersionName("2.0"))).isEmpty();
  }

  // ---- uniqueness --------------------------------------------------------------------------

  @Test
  void givenVersionRegistered_insertSameOwnerNameAndVersion_throwsConflictAndKeepsTheFirst() {
    RegisteredModel first = stored(aVersion().name("taken").version("1.0"));
    RegisteredModel second =
        aVersion().name("taken").version("1.0").visibility(Visibility.PUBLIC).build();

    assertThatThrownBy(() -> repository.insert(second))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("taken")
        .hasMessageContaining("1.0");
    assertThat(repository.findById(first.id())).contains(first);
    assertThat(repository.findById(second.id())).isEmpty();
    assertThat(list(ALICE, PageRequest.first(10)).totalItemCount()).isEqualTo(1);
  }

  @Test
  void givenVersionOfAnotherOwner_insertSameNameAndVersion_succeeds() {
    RegisteredModel alices = stored(aVersion().name("shared").version("1.0"));
    RegisteredModel bobs = stored(aVersion().owner(BOB).name("shared").version("1.0"));

    assertThat(repository.findById(alices.id())).contains(alices);
    assertThat(repository.findById(bobs.id())).contains(bobs);
    assertThat(repository.find(BOB, new ResourceName("shared"), new VersionName("1.0")))
        .contains(bobs);
  }

  @Test
  void givenVersionRegistered_insertOtherVersionOfTheSameName_succeeds() {
    stored(aVersion().name("model").version("1.0"));
    RegisteredModel next = stored(aVersion().name("model").version("1.0.1"));

    assertThat(repository.findById(next.id())).contains(next);
  }

  @Test
  void givenIdTaken_insertAnotherVersionWithIt_throwsConflict() {
    RegisteredModel first = stored(aVersion().id("rm-fixed"));

    assertThatThrownBy(() -> repository.insert(aVersion().id("rm-fixed").build()))
        .isInstanceOf(ConflictException.class);
    assertThat(repository.findById("rm-fixed")).contains(first);
  }

  @Test
  void givenManyThreadsInsertingTheSameVersion_insert_exactlyOneWinsAndTheOthersConflict()
      throws Exception {
    int threads = 8;

    var outcomes =
        RegistryStoreContract.race(
            threads,
            i ->
                repository.insert(
                    aVersion().name("contested").version("1.0").createdAt(at(i)).build()));

    assertThat(outcomes.stream().filter(Optional::isEmpty)).hasSize(1);
    assertThat(outcomes.stream().flatMap(Optional::stream))
        .hasSize(threads - 1)
        .allMatch(e -> e instanceof ConflictException, "is a ConflictException");
    List<RegisteredModel> all = listAll(ALICE);
    assertThat(all).hasSize(1);
    assertThat(repository.findById(all.get(0).id())).contains(all.get(0));
  }

  // ---- update ------------------------------------------------------------------------------

  @Test
  void givenStoredVersion_updateAtEachImportStep_findByIdReturnsThatStep() {
    RegisteredModel model = stored(aVersion().createdAt(at(1)));
    var steps = new ArrayList<RegisteredModel>();
    RegisteredModel current = model;
    current = current.startFile(file(0), 10L, at(2));
    steps.add(current);
    current = current.recordProgress(file(0), 4, at(3));
    steps.add(current);
    current = current.completeFile(file(0), 10, SHA256, at(4));
    steps.add(current);
    current = current.startFile(file(1), null, at(5));
    steps.add(current);
    current = current.recordProgress(file(1), 7, at(6));
    steps.add(current);
    current = current.restartFile(file(1), at(7));
    steps.add(current);
    current = current.failFile(file(1), "remote closed", at(8));
    steps.add(current);

    for (RegisteredModel step : steps) {
      assertThat(repository.update(step)).isTrue();
      assertThat(repository.findById(model.id())).contains(step);
    }
    RegisteredModel last = repository.findById(model.id()).orElseThrow();
    assertThat(last.state()).isEqualTo(ImportState.FAILED);
    assertThat(last.createdAt()).isEqualTo(at(1));
    assertThat(last.updatedAt()).isEqualTo(at(8));
  }

  @Test
  void givenStoredVersion_updateToReady_findByIdReturnsItReady() {
    RegisteredModel model = stored(aVersion());
    RegisteredModel done = ready(model);

    assertThat(repository.update(done)).isTrue();

    assertThat(repository.findById(model.id())).contains(done);
    assertThat(repository.findImporting()).isEmpty();
  }

  @Test
  void givenStoredVersion_updateVisibilityDescriptionAndMetainfo_findByIdReturnsThem() {
    RegisteredModel model = stored(aVersion().visibility(Visibility.PRIVATE));
    var patch = new MetainfoPatch(null, null, null, "any function", null, null, null, 42L);
    RegisteredModel updated =
        model.update(new RegistrationUpdate(Visibility.PUBLIC, "now public", patch), at(50));

    assertThat(repository.update(updated)).isTrue();

    RegisteredModel read = repository.findById(model.id()).orElseThrow();
    assertThat(read).isEqualTo(updated);
    assertThat(read.visibility()).isEqualTo(Visibility.PUBLIC);
    assertThat(read.description()).isEqualTo("now public");
    assertThat(read.metainfo().numParams()).isEqualTo(42L);
    assertThat(read.metainfo().inputDescription()).isEqualTo("any function");
    assertThat(read.updatedAt()).isEqualTo(at(50));
    assertThat(listAll(BOB)).containsExactly(updated);
  }

  @Test
  void givenVersionWithMetainfo_updateWithoutIt_storesItAbsent() {
    RegisteredModel model = stored(aVersion());
    RegisteredModel withoutMetainfo =
        RegisteredModel.reconstitute(
            model.id(),
            model.ownerId(),
            model.name(),
            model.version(),
            model.visibility(),
            model.description(),
            null,
            model.config(),
            model.files(),
            model.state(),
            model.createdAt(),
            at(9));

    assertThat(repository.update(withoutMetainfo)).isTrue();

    assertThat(repository.findById(model.id())).contains(withoutMetainfo);
  }

  @Test
  void givenDeletedVersion_update_returnsFalseAndStoresNothing() {
    RegisteredModel model = stored(aVersion());
    assertThat(repository.delete(model.id())).isTrue();

    assertThat(repository.update(model.startFile(file(0), 10L, at(5)))).isFalse();

    assertThat(repository.findById(model.id())).isEmpty();
    assertThat(list(ALICE, PageRequest.first(10)).totalItemCount()).isZero();
  }

  @Test
  void givenNeverStoredVersion_update_returnsFalse() {
    RegisteredModel never = aVersion().build();

    assertThat(repository.update(never)).isFalse();
    assertThat(repository.findById(never.id())).isEmpty();
  }

  @Test
  void givenTwoVersions_updateOne_leavesTheOtherAsItWas() {
    RegisteredModel one = stored(aVersion());
    RegisteredModel two = stored(aVersion());

    assertThat(repository.update(ready(one))).isTrue();

    assertThat(repository.findById(two.id())).contains(two);
  }

  @Test
  void givenConcurrentReadModifyWriteTransactions_update_losesNoStep() throws Exception {
    RegisteredModel model = stored(aVersion().build().startFile(file(0), null, at(1)));
    int threads = 4;
    int stepsEach = 5;

    var outcomes =
        RegistryStoreContract.race(
            threads,
            thread -> {
              for (int i = 0; i < stepsEach; i++) {
                transactions.inTransaction(
                    () -> {
                      RegisteredModel current = repository.findById(model.id()).orElseThrow();
                      long copied = current.file(file(0)).orElseThrow().bytesCopied();
                      repository.update(current.recordProgress(file(0), copied + 1, at(2)));
                      return null;
                    });
              }
            });

    assertThat(outcomes).allMatch(Optional::isEmpty, "succeeded");
    RegisteredModel read = repository.findById(model.id()).orElseThrow();
    assertThat(read.file(file(0)).orElseThrow().bytesCopied()).isEqualTo(threads * stepsEach);
  }

  // ---- delete ------------------------------------------------------------------------------

  @Test
  void givenNoSuchVersion_delete_returnsFalse() {
    stored(aVersion());

    assertThat(repository.delete("no-such-version")).isFalse();
    assertThat(list(ALICE, PageRequest.first(10)).totalItemCount()).isEqualTo(1);
  }

  @Test
  void givenStoredVersions_deleteOne_removesOnlyIt() {
    RegisteredModel gone = stored(aVersion().name("gone").version("1.0"));
    RegisteredModel kept = stored(aVersion());

    assertThat(repository.delete(gone.id())).isTrue();

    assertThat(repository.findById(gone.id())).isEmpty();
    assertThat(repository.find(ALICE, gone.name(), gone.version())).isEmpty();
    assertThat(repository.findById(kept.id())).contains(kept);
    assertThat(listAll(ALICE)).containsExactly(kept);
    assertThat(repository.delete(gone.id())).isFalse();
  }

  @Test
  void givenDeletedVersion_insertAgainUnderTheSameIdWithOtherFiles_findsOnlyTheNewFiles() {
    RegisteredModel gone = stored(aVersion().id("rm-reused").name("model").version("1.0"));
    repository.delete(gone.id());
    Registration legacy =
        RegistrationDocuments.readLegacyRegistration(TestRegistrations.legacyBody());
    RegisteredModel again = RegisteredModel.create("rm-reused", ALICE, legacy, at(7));

    repository.insert(again);

    RegisteredModel read = repository.findById("rm-reused").orElseThrow();
    assertThat(read).isEqualTo(again);
    assertThat(read.files())
        .extracting(f -> f.target().value())
        .containsExactly("model.bin", "gptc_deploy_entry.py", "gptc_deploy_env.yml");
  }

  @Test
  void givenDeletedVersion_registerTheSameNameAndVersionAgain_succeeds() {
    RegisteredModel gone = stored(aVersion().name("model").version("1.0"));
    repository.delete(gone.id());

    RegisteredModel again = stored(aVersion().name("model").version("1.0"));

    assertThat(repository.find(ALICE, gone.name(), gone.version())).contains(again);
  }

  // ---- findPublic, findImporting -----------------------------------------------------------

  @Test
  void givenVersionsOfSeveralOwners_findPublic_returnsThePublicOnesOfThatVersionOldestFirst() {
    RegisteredModel alices =
        stored(
            aVersion()
                .name("shared")
                .version("1.0")
                .visibility(Visibility.PUBLIC)
                .createdAt(at(5)));
    RegisteredModel bobs =
        stored(
            aVersion()
                .owner(BOB)
                .name("shared")
                .version("1.0")
                .visibility(Visibility.PUBLIC)
                .createdAt(at(3)));
    RegisteredModel daves =
        stored(
            aVersion()
                .id("rm-dave")
                .owner("dave")
                .name("shared")
                .version("1.0")
                .visibility(Visibility.PUBLIC)
                .createdAt(at(5)));
    stored(aVersion().owner(CAROL).name("shared").version("1.0").createdAt(at(1)));
    stored(aVersion().owner(BOB).name("shared").version("2.0").visibility(Visibility.PUBLIC));
    stored(aVersion().owner(BOB).name("other").version("1.0").visibility(Visibility.PUBLIC));

    List<RegisteredModel> found =
        repository.findPublic(new ResourceName("shared"), new VersionName("1.0"));

    var expectedTie = new ArrayList<>(List.of(alices, daves));
    expectedTie.sort(Comparator.comparing(RegisteredModel::id));
    assertThat(found).containsExactly(bobs, expectedTie.get(0), expectedTie.get(1));
  }

  @Test
  void givenOnlyPrivateVersions_findPublic_returnsNothing() {
    stored(aVersion().name("secret").version("1.0"));

    assertThat(repository.findPublic(new ResourceName("secret"), new VersionName("1.0"))).isEmpty();
  }

  @Test
  void givenVersionsInEveryState_findImporting_returnsTheImportingOnesOldestFirst() {
    RegisteredModel late = stored(aVersion().createdAt(at(30)));
    RegisteredModel copying =
        stored(
            aVersion()
                .createdAt(at(10))
                .build()
                .startFile(file(0), 10L, at(11))
                .recordProgress(file(0), 3, at(12)));
    stored(ready(aVersion().createdAt(at(5)).build()));
    stored(
        aVersion()
            .createdAt(at(1))
            .build()
            .startFile(file(0), null, at(2))
            .failFile(file(0), "gone", at(3)));
    RegisteredModel othersPrivate = stored(aVersion().owner(BOB).createdAt(at(20)));

    assertThat(repository.findImporting()).containsExactly(copying, othersPrivate, late);
  }

  @Test
  void givenVersionsInEveryState_countByState_countsEachOverEveryOwner() {
    assertThat(repository.countByState())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(ImportState.IMPORTING, 0L, ImportState.READY, 0L, ImportState.FAILED, 0L));
    stored(aVersion().createdAt(at(30)));
    stored(aVersion().owner(BOB).createdAt(at(20)));
    stored(ready(aVersion().createdAt(at(5)).build()));
    stored(
        aVersion()
            .createdAt(at(1))
            .build()
            .startFile(file(0), null, at(2))
            .failFile(file(0), "gone", at(3)));

    assertThat(repository.countByState())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(ImportState.IMPORTING, 2L, ImportState.READY, 1L, ImportState.FAILED, 1L));
  }

  // ---- list: visibility and filters --------------------------------------------------------

  @Test
  void givenPublicAndPrivateVersionsOfSeveralOwners_list_showsPublicOnesAndTheViewersOwn() {
    RegisteredModel alicePrivate = stored(aVersion().createdAt(at(1)));
    RegisteredModel alicePublic = stored(aVersion().visibility(Visibility.PUBLIC).createdAt(at(2)));
    RegisteredModel bobPrivate = stored(aVersion().owner(BOB).createdAt(at(3)));
    RegisteredModel bobPublic =
        stored(aVersion().owner(BOB).visibility(Visibility.PUBLIC).createdAt(at(4)));
    stored(aVersion().owner(CAROL).createdAt(at(5)));

    Page<RegisteredModel> alices = list(ALICE, PageRequest.first(10));

    assertThat(alices.items()).containsExactly(bobPublic, alicePublic, alicePrivate);
    assertThat(alices.totalItemCount()).isEqualTo(3);
    assertThat(listAll(BOB)).containsExactly(bobPublic, bobPrivate, alicePublic);
    assertThat(listAll("nobody")).containsExactly(bobPublic, alicePublic);
    assertThat(list("nobody", PageRequest.first(10)).totalItemCount()).isEqualTo(2);
  }

  @Test
  void givenAnAdministratorOrAnAnonymousViewer_list_showsEveryVersionOrThePublicOnes() {
    RegisteredModel alicePrivate = stored(aVersion().createdAt(at(1)));
    RegisteredModel bobPublic =
        stored(aVersion().owner(BOB).visibility(Visibility.PUBLIC).createdAt(at(2)));
    RegisteredModel carolPrivate = stored(aVersion().owner(CAROL).createdAt(at(3)));
    Caller admin = Caller.trusted(new Actor("root", IdentityType.USER), true);

    Page<RegisteredModel> admins =
        repository.list(RegisteredModelQuery.visibleTo(admin, PageRequest.first(10)));
    Page<RegisteredModel> anonymous =
        repository.list(RegisteredModelQuery.visibleTo(Caller.anonymous(), PageRequest.first(10)));

    assertThat(admins.items()).containsExactly(carolPrivate, bobPublic, alicePrivate);
    assertThat(admins.totalItemCount()).isEqualTo(3);
    assertThat(anonymous.items()).containsExactly(bobPublic);
    assertThat(anonymous.totalItemCount()).isEqualTo(1);
  }

  @Test
  void givenOthersPrivateVersions_listFilteredByTheirOwnerOrPrivacy_stillHidesThem() {
    stored(aVersion().owner(BOB).createdAt(at(1)));
    RegisteredModel bobPublic =
        stored(aVersion().owner(BOB).visibility(Visibility.PUBLIC).createdAt(at(2)));
    RegisteredModel alicePrivate = stored(aVersion().createdAt(at(3)));
    Optional<ModelKind> anyType = Optional.empty();
    Optional<String> none = Optional.empty();

    Page<RegisteredModel> bobsSeenByAlice =
        repository.list(query(ALICE, anyType, Optional.empty(), Optional.of(BOB), none, none));
    Page<RegisteredModel> privateSeenByAlice =
        repository.list(query(ALICE, anyType, Optional.of(Visibility.PRIVATE), none, none, none));

    assertThat(bobsSeenByAlice.items()).containsExactly(bobPublic);
    assertThat(bobsSeenByAlice.totalItemCount()).isEqualTo(1);
    assertThat(privateSeenByAlice.items()).containsExactly(alicePrivate);
    assertThat(privateSeenByAlice.totalItemCount()).isEqualTo(1);
  }

  @Test
  void givenVersionsOfSeveralTypesOwnersAndNames_listWithEachFilter_returnsOnlyMatches() {
    RegisteredModel encoder =
        stored(
            aVersion()
                .name("alpha")
                .type(ModelKind.ENCODER)
                .visibility(Visibility.PUBLIC)
                .createdAt(at(1)));
    RegisteredModel decoder = stored(aVersion().name("alpha").createdAt(at(2)));
    RegisteredModel bobsSeq =
        stored(
            aVersion()
                .owner(BOB)
                .name("beta")
                .type(ModelKind.SEQ2SEQ)
                .visibility(Visibility.PUBLIC)
                .createdAt(at(3)));
    RegisteredModel bobsDecoder =
        stored(aVersion().owner(BOB).name("alpha").visibility(Visibility.PUBLIC).createdAt(at(4)));
    Optional<ModelKind> anyType = Optional.empty();
    Optional<Visibility> anyVisibility = Optional.empty();
    Optional<String> none = Optional.empty();

    assertThat(
            repository
                .list(query(ALICE, Optional.of(ModelKind.DECODER), anyVisibility, none, none, none))
                .items())
        .containsExactly(bobsDecoder, decoder);
    assertThat(
            repository
                .list(query(ALICE, Optional.of(ModelKind.ENCODER), anyVisibility, none, none, none))
                .items())
        .containsExactly(encoder);
    assertThat(
            repository
                .list(query(ALICE, anyType, Optional.of(Visibility.PUBLIC), none, none, none))
                .items())
        .containsExactly(bobsDecoder, bobsSeq, encoder);
    assertThat(
            repository
                .list(query(ALICE, anyType, anyVisibility, Optional.of(ALICE), none, none))
                .items())
        .containsExactly(decoder, encoder);
    assertThat(
            repository
                .list(query(ALICE, anyType, anyVisibility, none, Optional.of("alpha"), none))
                .items())
        .containsExactly(bobsDecoder, decoder, encoder);
    Page<RegisteredModel> combined =
        repository.list(
            query(
                ALICE,
                Optional.of(ModelKind.DECODER),
                Optional.of(Visibility.PUBLIC),
                Optional.of(BOB),
                Optional.of("alpha"),
                Optional.of("al")));
    assertThat(combined.items()).containsExactly(bobsDecoder);
    assertThat(combined.totalItemCount()).isEqualTo(1);
    assertThat(
            repository
                .list(query(ALICE, anyType, anyVisibility, none, Optional.of("alph"), none))
                .items())
        .as("the name filter is exact")
        .isEmpty();
  }

  @Test
  void givenSeveralVersionsOfOneModel_listWithName_returnsItsVersionsNewestFirst() {
    var versions = new ArrayList<RegisteredModel>();
    for (int i = 0; i < 4; i++) {
      versions.add(stored(aVersion().name("model").version("1." + i).createdAt(at(i))));
      stored(aVersion().name("model-x").version("1." + i).createdAt(at(i)));
    }

    Page<RegisteredModel> page =
        repository.list(
            RegisteredModelQuery.visibleTo(user(ALICE), PageRequest.first(10))
                .withName(new ResourceName("model")));

    assertThat(page.items()).containsExactlyElementsOf(newestFirst(versions));
    assertThat(page.totalItemCount()).isEqualTo(4);
  }

  @Test
  void givenNamesWithUnderscoresAndLetters_listWithNamePrefix_matchesThePrefixLiterally() {
    RegisteredModel underscore = stored(aVersion().name("a_c").createdAt(at(1)));
    RegisteredModel letter = stored(aVersion().name("aXc").createdAt(at(2)));
    RegisteredModel dash = stored(aVersion().name("a-c").createdAt(at(3)));
    RegisteredModel upper = stored(aVersion().name("A_c").createdAt(at(4)));
    RegisteredModel longer = stored(aVersion().name("a_cd").createdAt(at(5)));

    assertThat(listWithPrefix(ALICE, "a_")).containsExactly(longer, underscore);
    assertThat(listWithPrefix(ALICE, "a_c")).containsExactly(longer, underscore);
    assertThat(listWithPrefix(ALICE, "_")).isEmpty();
    assertThat(listWithPrefix(ALICE, "%")).isEmpty();
    assertThat(listWithPrefix(ALICE, "a%")).isEmpty();
    assertThat(listWithPrefix(ALICE, "a\\")).isEmpty();
    assertThat(listWithPrefix(ALICE, "A")).as("case-sensitive").containsExactly(upper);
    assertThat(listWithPrefix(ALICE, "aX")).containsExactly(letter);
    assertThat(listWithPrefix(ALICE, "a_cde")).isEmpty();
    assertThat(listWithPrefix(ALICE, "é")).isEmpty();
    assertThat(listWithPrefix(ALICE, "")).containsExactly(longer, upper, dash, letter, underscore);
  }

  @Test
  void givenOthersPrivateVersionWithTheName_listWithNamePrefix_hidesIt() {
    stored(aVersion().owner(BOB).name("hidden").createdAt(at(1)));
    RegisteredModel shown =
        stored(
            aVersion()
                .owner(BOB)
                .name("hidden-public")
                .visibility(Visibility.PUBLIC)
                .createdAt(at(2)));

    assertThat(listWithPrefix(ALICE, "hid")).containsExactly(shown);
  }

  // ---- list: order and pages ---------------------------------------------------------------

  @Test
  void givenVersionsCreatedOutOfOrder_list_ordersNewestFirstWithTiesByIdDescending() {
    RegisteredModel late = stored(aVersion().id("rm-a").createdAt(at(30)));
    RegisteredModel tieB = stored(aVersion().id("rm-c").createdAt(at(20)));
    RegisteredModel early = stored(aVersion().id("rm-z").createdAt(at(10)));
    RegisteredModel tieA = stored(aVersion().id("rm-b").createdAt(at(20)));
    RegisteredModel micro = stored(aVersion().id("rm-y").createdAt(at(20).plusNanos(1_000)));

    assertThat(listAll(ALICE)).containsExactly(late, micro, tieB, tieA, early);
  }

  @Test
  void givenSevenVersions_listPageTwoOfThree_returnsTheMiddleSliceWithCounts() {
    var all = new ArrayList<RegisteredModel>();
    for (int i = 0; i < 7; i++) {
      all.add(stored(aVersion().createdAt(at(i))));
    }
    List<RegisteredModel> expected = newestFirst(all);

    Page<RegisteredModel> first = list(ALICE, new PageRequest(1, 3, Optional.empty()));
    Page<RegisteredModel> page = list(ALICE, new PageRequest(2, 3, Optional.empty()));
    Page<RegisteredModel> last = list(ALICE, new PageRequest(3, 3, Optional.empty()));
    Page<RegisteredModel> beyond = list(ALICE, new PageRequest(9, 3, Optional.empty()));

    assertThat(first.items()).containsExactlyElementsOf(expected.subList(0, 3));
    assertThat(page.items()).containsExactlyElementsOf(expected.subList(3, 6));
    assertThat(page.totalItemCount()).isEqualTo(7);
    assertThat(page.currentPage()).isEqualTo(2);
    assertThat(page.itemsPerPage()).isEqualTo(3);
    assertThat(page.nextCursor())
        .contains(new PageCursor(expected.get(5).createdAt(), expected.get(5).id()));
    assertThat(last.items()).containsExactly(expected.get(6));
    assertThat(last.nextCursor()).isEmpty();
    assertThat(last.currentPage()).isEqualTo(3);
    assertThat(beyond.items()).isEmpty();
    assertThat(beyond.nextCursor()).isEmpty();
    assertThat(beyond.totalItemCount()).isEqualTo(7);
  }

  @Test
  void givenExactlyOnePageOfVersions_list_hasNoNextCursor() {
    for (int i = 0; i < 3; i++) {
      stored(aVersion().createdAt(at(i)));
    }

    Page<RegisteredModel> page = list(ALICE, PageRequest.first(3));

    assertThat(page.items()).hasSize(3);
    assertThat(page.nextCursor()).isEmpty();
  }

  @Test
  void givenNoVersions_list_returnsAnEmptyPage() {
    Page<RegisteredModel> page = list(ALICE, PageRequest.first(10));

    assertThat(page.items()).isEmpty();
    assertThat(page.totalItemCount()).isZero();
    assertThat(page.nextCursor()).isEmpty();
    assertThat(page.currentPage()).isEqualTo(1);
  }

  @Test
  void givenExactlyTwoPagesOfVersions_listWithCursor_returnsTheRestWithFullCount() {
    var all = new ArrayList<RegisteredModel>();
    for (int i = 0; i < 6; i++) {
      all.add(stored(aVersion().createdAt(at(i))));
    }
    List<RegisteredModel> expected = newestFirst(all);

    Page<RegisteredModel> first = list(ALICE, PageRequest.first(3));
    Page<RegisteredModel> second =
        list(ALICE, PageRequest.after(first.nextCursor().orElseThrow(), 3));

    assertThat(first.items()).containsExactlyElementsOf(expected.subList(0, 3));
    assertThat(second.items()).containsExactlyElementsOf(expected.subList(3, 6));
    assertThat(second.nextCursor()).isEmpty();
    assertThat(second.totalItemCount()).isEqualTo(6);
    assertThat(second.currentPage()).isEqualTo(1);
    assertThat(second.itemsPerPage()).isEqualTo(3);
  }

  @Test
  void givenVersionsWithTiedCreationTimes_walkWithCursors_returnsEveryVersionOnceInOrder() {
    var all = new ArrayList<RegisteredModel>();
    for (int i = 0; i < 25; i++) {
      all.add(stored(aVersion().createdAt(at(i / 4))));
    }

    List<RegisteredModel> walked =
        RegistryStoreContract.walkWithCursors(p -> list(ALICE, p), 3, () -> {});

    assertThat(walked).containsExactlyElementsOf(newestFirst(all));
  }

  @Test
  void givenVisibleAndHiddenVersions_walkWithCursorsAndFilter_returnsOnlyVisibleMatches() {
    var expected = new ArrayList<RegisteredModel>();
    for (int i = 0; i < 12; i++) {
      stored(aVersion().owner(BOB).type(ModelKind.ENCODER).createdAt(at(i / 3)));
      expected.add(
          stored(
              aVersion()
                  .owner(BOB)
                  .type(ModelKind.ENCODER)
                  .visibility(Visibility.PUBLIC)
                  .createdAt(at(i / 3))));
      stored(aVersion().owner(BOB).visibility(Visibility.PUBLIC).createdAt(at(i / 3)));
    }
    Function<PageRequest, Page<RegisteredModel>> encodersSeenByAlice =
        p ->
            repository.list(
                new RegisteredModelQuery(
                    user(ALICE),
                    Optional.of(ModelKind.ENCODER),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    p));

    List<RegisteredModel> walked =
        RegistryStoreContract.walkWithCursors(encodersSeenByAlice, 5, () -> {});

    assertThat(walked).containsExactlyElementsOf(newestFirst(expected));
    Page<RegisteredModel> second =
        encodersSeenByAlice.apply(
            PageRequest.after(
                encodersSeenByAlice.apply(PageRequest.first(5)).nextCursor().orElseThrow(), 5));
    assertThat(second.totalItemCount()).as("the count ignores the cursor").isEqualTo(12);
  }

  @Test
  void givenCursorOfADeletedVersion_listAfterIt_continuesWhereItStood() {
    var all = new ArrayList<RegisteredModel>();
    for (int i = 0; i < 5; i++) {
      all.add(stored(aVersion().createdAt(at(i))));
    }
    List<RegisteredModel> expected = newestFirst(all);
    Page<RegisteredModel> first = list(ALICE, PageRequest.first(2));
    repository.delete(expected.get(1).id());

    Page<RegisteredModel> second =
        list(ALICE, PageRequest.after(first.nextCursor().orElseThrow(), 2));

    assertThat(second.items()).containsExactlyElementsOf(expected.subList(2, 4));
    assertThat(second.nextCursor()).isPresent();
    assertThat(second.totalItemCount()).isEqualTo(4);
  }

  @Test
  void givenConcurrentInserts_walkWithCursors_returnsEveryExistingVersionExactlyOnce()
      throws Exception {
    int existing = 40;
    Set<String> before = new HashSet<>();
    for (int i = 0; i < existing; i++) {
      before.add(stored(aVersion().createdAt(at(i * 2L))).id());
    }

    List<RegisteredModel> walked =
        RegistryStoreContract.walkWhileInserting(
            p -> list(ALICE, p),
            7,
            3,
            20,
            n ->
                repository.insert(
                    aVersion().createdAt(at((n * 7L) % (existing * 2L + 10))).build()));

    List<String> walkedIds = ids(walked);
    assertThat(walkedIds).doesNotHaveDuplicates();
    assertThat(walkedIds.stream().filter(before::contains)).hasSize(existing);
    assertThat(walked).isSortedAccordingTo(NEWEST_FIRST);
  }
}
