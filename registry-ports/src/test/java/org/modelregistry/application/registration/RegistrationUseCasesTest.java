package org.modelregistry.application.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modelregistry.application.registration.RegistrationServices.ALICE;
import static org.modelregistry.application.registration.RegistrationServices.BOB;
import static org.modelregistry.application.registration.RegistrationServices.REF;
import static org.modelregistry.application.registration.RegistrationServices.content;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.error.ForbiddenException;
import org.modelregistry.domain.error.NotFoundException;
import org.modelregistry.domain.error.ValidationException;
import org.modelregistry.domain.error.Violation;
import org.modelregistry.domain.identity.Actor;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.identity.IdentityType;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.registration.MetainfoPatch;
import org.modelregistry.domain.registration.RegisteredModel;
import org.modelregistry.domain.registration.RegistrationDocuments;
import org.modelregistry.domain.registration.RegistrationUpdate;
import org.modelregistry.domain.registration.TestRegistrations;
import org.modelregistry.domain.registration.Visibility;
import org.modelregistry.ports.in.registration.ModelVersionRef;
import org.modelregistry.ports.in.registration.ReadModelFileUseCase.FileContent;

class RegistrationUseCasesTest {

  private static final Caller CAROL = Caller.trusted(new Actor("carol", IdentityType.USER), false);
  private static final FilePath INDEX = new FilePath("index.md");

  private final RegistrationServices services = new RegistrationServices().servingAllFiles();

  @AfterEach
  void close() {
    services.close();
  }

  private RegisteredModel registerAs(Caller owner, boolean isPublic) {
    var body = TestRegistrations.putBody();
    TestRegistrations.at(body, "model_config").put("private", !isPublic);
    services.register.register(
        owner,
        RegistrationDocuments.readRegistration(
            TestRegistrations.NAME, TestRegistrations.VERSION, body));
    return services.awaitEnd(owner);
  }

  @Test
  void givenARefusedHost_register_namesEveryRefusedFileAndStoresNothing() {
    services.fetcher.refuseHost("storage.example");

    assertThatThrownBy(() -> services.register.register(ALICE, TestRegistrations.aRegistration()))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::path)
                    .contains(
                        List.of("model_files", "pytorch_model.bin"),
                        List.of("model_files", "index.md"))
                    .hasSize(TestRegistrations.FILES.size()));
    assertThat(services.models.findImporting()).isEmpty();
  }

  @Test
  void givenTheSameNameAndVersion_register_isAConflictForTheSameOwnerOnly() {
    registerAs(ALICE, false);

    assertThatThrownBy(() -> services.register.register(ALICE, TestRegistrations.aRegistration()))
        .isInstanceOf(ConflictException.class);
    assertThat(registerAs(BOB, false).ownerId()).isEqualTo("bob");
  }

  @Test
  void givenNoOwner_get_prefersTheCallersOwnVersionThenTheSinglePublicOne() {
    registerAs(BOB, true);

    assertThat(services.get.get(CAROL, REF).ownerId()).isEqualTo("bob");
    registerAs(CAROL, false);
    assertThat(services.get.get(CAROL, REF).ownerId()).isEqualTo("carol");
  }

  @Test
  void givenSeveralPublicOwners_getWithoutOwner_isAConflictAndWithOwnerResolves() {
    registerAs(ALICE, true);
    registerAs(BOB, true);

    assertThatThrownBy(() -> services.get.get(CAROL, REF))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("name the owner");
    assertThat(services.get.get(CAROL, withOwner("bob")).ownerId()).isEqualTo("bob");
  }

  @Test
  void givenSomeoneElsesPrivateVersion_everyUseCase_answersNotFound() {
    registerAs(ALICE, false);

    assertThatThrownBy(() -> services.get.get(BOB, REF)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> services.get.get(BOB, withOwner("alice")))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> services.update.update(BOB, withOwner("alice"), makePublic()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> services.delete.delete(BOB, withOwner("alice")))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> services.read.describe(BOB, withOwner("alice"), INDEX))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void givenSomeoneElsesPublicVersion_changes_areForbiddenAndNothingChanges() {
    RegisteredModel registered = registerAs(ALICE, true);

    assertThatThrownBy(() -> services.update.update(BOB, REF, makePrivate()))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> services.delete.delete(BOB, REF))
        .isInstanceOf(ForbiddenException.class);
    assertThat(services.models.findById(registered.id())).contains(registered);
  }

  @Test
  void givenTheOwner_update_changesVisibilityAndMetainfoAndKeepsTheFiles() {
    RegisteredModel registered = registerAs(ALICE, false);

    RegisteredModel updated =
        services.update.update(
            ALICE,
            REF,
            RegistrationDocuments.readUpdate(
                TestRegistrations.doc(
                    "model_config",
                    TestRegistrations.doc("private", false),
                    "model_metainfo",
                    TestRegistrations.doc("description", "new words", "num_params", 7))));

    assertThat(updated.visibility()).isEqualTo(Visibility.PUBLIC);
    assertThat(updated.description()).isEqualTo("new words");
    assertThat(updated.metainfo().numParams()).isEqualTo(7L);
    assertThat(updated.files()).isEqualTo(registered.files());
    assertThat(services.models.findById(registered.id())).contains(updated);
  }

  @Test
  void givenTheOwner_delete_removesTheVersionAndItsBytes() {
    RegisteredModel registered = registerAs(ALICE, false);
    assertThat(services.store.paths()).isNotEmpty();

    services.delete.delete(ALICE, REF);

    assertThat(services.models.findById(registered.id())).isEmpty();
    assertThat(services.store.paths()).isEmpty();
    assertThatThrownBy(() -> services.get.get(ALICE, REF)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void givenAReadyVersion_open_streamsTheStoredBytesAndSlicesThem() throws IOException {
    registerAs(ALICE, true);
    byte[] expected = content("index.md");

    try (FileContent whole = services.read.open(BOB, REF, INDEX, 0, -1)) {
      assertThat(whole.bytes().readAllBytes()).isEqualTo(expected);
      assertThat(whole.file().size()).isEqualTo(expected.length);
    }
    try (FileContent slice = services.read.open(BOB, REF, INDEX, 2, 3)) {
      assertThat(slice.bytes().readAllBytes())
          .isEqualTo(java.util.Arrays.copyOfRange(expected, 2, 5));
    }
    assertThatThrownBy(() -> services.read.open(BOB, REF, INDEX, expected.length + 1, -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> services.read.describe(BOB, REF, new FilePath("missing.bin")))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void givenAFailedVersion_open_isAConflict() {
    var fresh = new RegistrationServices();
    try (fresh) {
      fresh.register.register(ALICE, TestRegistrations.aRegistration());
      assertThat(fresh.awaitEnd(ALICE).isReady()).isFalse();

      assertThatThrownBy(() -> fresh.read.describe(ALICE, REF, INDEX))
          .isInstanceOf(ConflictException.class)
          .hasMessageContaining("FAILED");
    }
  }

  @Test
  void givenAnImportRunningElsewhere_await_pollsTheStoreUntilItEnds() throws Exception {
    // IMPORTING in the store, but no import runs in this process (another node copies it).
    RegisteredModel elsewhere = TestRegistrations.aRegisteredModel();
    services.models.insert(elsewhere);

    var waiting =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> services.get.await(ALICE, REF, java.time.Duration.ofSeconds(20)));
    services.models.update(TestRegistrations.aReadyModel());

    assertThat(waiting.get(30, java.util.concurrent.TimeUnit.SECONDS).isReady()).isTrue();
  }

  @Test
  void givenAnImportThatDoesNotEnd_await_returnsItImportingAfterTheWait() {
    services.models.insert(TestRegistrations.aRegisteredModel());

    assertThat(services.get.await(ALICE, REF, java.time.Duration.ofMillis(300)).isReady())
        .isFalse();
  }

  private static ModelVersionRef withOwner(String owner) {
    return new ModelVersionRef(REF.name(), REF.version(), Optional.of(owner));
  }

  private static RegistrationUpdate makePublic() {
    return new RegistrationUpdate(Visibility.PUBLIC, null, MetainfoPatch.EMPTY);
  }

  private static RegistrationUpdate makePrivate() {
    return new RegistrationUpdate(Visibility.PRIVATE, null, MetainfoPatch.EMPTY);
  }
}
