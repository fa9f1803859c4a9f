package org.modelregistry.domain.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modelregistry.domain.registration.TestRegistrations.FILES;
import static org.modelregistry.domain.registration.TestRegistrations.LATER;
import static org.modelregistry.domain.registration.TestRegistrations.MODEL_ID;
import static org.modelregistry.domain.registration.TestRegistrations.OWNER;
import static org.modelregistry.domain.registration.TestRegistrations.PASSWORD;
import static org.modelregistry.domain.registration.TestRegistrations.REGISTERED_AT;
import static org.modelregistry.domain.registration.TestRegistrations.SIGNATURE;
import static org.modelregistry.domain.registration.TestRegistrations.aReadyModel;
import static org.modelregistry.domain.registration.TestRegistrations.aRegisteredModel;
import static org.modelregistry.domain.registration.TestRegistrations.aRegistration;
import static org.modelregistry.domain.registration.TestRegistrations.condaOnly;
import static org.modelregistry.domain.registration.TestRegistrations.file;
import static org.modelregistry.domain.testdata.TestViolations.violation;
import static org.modelregistry.domain.testdata.TestViolations.violationsOf;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.error.Violation;
import org.modelregistry.domain.identity.Actor;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.identity.IdentityType;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.naming.ResourceName;

class RegisteredModelTest {

  private static final String SHA = "ab".repeat(32);
  private static final Instant STEP = Instant.parse("2026-03-04T05:30:00Z");
  private static final FilePath WEIGHTS = new FilePath("pytorch_model.bin");
  private static final FilePath SCRIPT = new FilePath("inference.py");

  /** Every file of the test model but {@code except} stored. */
  private static RegisteredModel allStoredExcept(String except) {
    RegisteredModel model = aRegisteredModel();
    for (String file : FILES) {
      if (!file.equals(except)) {
        model = model.startFile(new FilePath(file), 10L, STEP);
        model = model.completeFile(new FilePath(file), 10, SHA, STEP);
      }
    }
    return model;
  }

  private static RegisteredModel legacyModel() {
    var registration = RegistrationDocuments.readLegacyRegistration(TestRegistrations.legacyBody());
    return RegisteredModel.create(MODEL_ID, OWNER, registration, REGISTERED_AT);
  }

  // --- creation

  @Test
  void givenARegistration_create_isImportingWithEveryFilePending() {
    var registration = aRegistration();

    var model = RegisteredModel.create(MODEL_ID, OWNER, registration, REGISTERED_AT);

    assertThat(model.state()).isEqualTo(ImportState.IMPORTING);
    assertThat(model.files())
        .extracting(FileImport::target)
        .containsExactlyElementsOf(registration.fileTargets());
    assertThat(model.files()).allMatch(f -> f.state() == FileImportState.PENDING);
    assertThat(model.ownerId()).isEqualTo(OWNER);
    assertThat(model.name()).isEqualTo(registration.name());
    assertThat(model.version()).isEqualTo(registration.version());
    assertThat(model.type()).isEqualTo(ModelKind.DECODER);
    assertThat(model.visibility()).isEqualTo(Visibility.PRIVATE);
    assertThat(model.description()).isEqualTo("Summarizes Python functions");
    assertThat(model.metainfo()).isEqualTo(registration.metainfo());
    assertThat(model.createdAt()).isEqualTo(REGISTERED_AT);
    assertThat(model.updatedAt()).isEqualTo(REGISTERED_AT);
  }

  @Test
  void givenABlankOwner_create_isRefused() {
    assertThatThrownBy(() -> RegisteredModel.create(MODEL_ID, " ", aRegistration(), REGISTERED_AT))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // --- the import state machine

  @Test
  void givenSomeFilesStored_state_staysImporting() {
    var model = allStoredExcept("index.md");

    assertThat(model.state()).isEqualTo(ImportState.IMPORTING);
    assertThat(model.isReady()).isFalse();
  }

  @Test
  void givenTheLastFileStored_completeFile_makesTheVersionReady() {
    var model =
        allStoredExcept("index.md")
            .startFile(new FilePath("index.md"), null, LATER)
            .completeFile(new FilePath("index.md"), 3, SHA, LATER);

    assertThat(model.state()).isEqualTo(ImportState.READY);
    assertThat(model.isReady()).isTrue();
    assertThat(model.updatedAt()).isEqualTo(LATER);
  }

  @Test
  void givenOneFileFails_failFile_failsTheVersionAndEveryUnfinishedFileWithAReason() {
    var model =
        aRegisteredModel()
            .startFile(SCRIPT, null, STEP)
            .completeFile(SCRIPT, 5, SHA, STEP)
            .startFile(WEIGHTS, 100L, STEP)
            .failFile(WEIGHTS, "connection reset", LATER);

    assertThat(model.state()).isEqualTo(ImportState.FAILED);
    assertThat(model.file(SCRIPT))
        .get()
        .extracting(FileImport::state)
        .isEqualTo(FileImportState.STORED);
    assertThat(model.failureReasons()).hasSize(FILES.size() - 1);
    assertThat(model.failureReasons()).containsEntry(WEIGHTS, "connection reset");
    assertThat(model.failureReasons())
        .containsEntry(
            new FilePath("index.md"),
            "not copied: the import stopped because 'pytorch_model.bin' failed");
    assertThat(model.unfinishedFiles()).isEmpty();
  }

  @Test
  void givenASizeMismatch_completeFile_failsTheVersion() {
    var model =
        aRegisteredModel().startFile(WEIGHTS, 100L, STEP).completeFile(WEIGHTS, 1, SHA, LATER);

    assertThat(model.state()).isEqualTo(ImportState.FAILED);
    assertThat(model.failureReasons().get(WEIGHTS)).startsWith("size mismatch");
  }

  @Test
  void givenAReadyVersion_anyImportStep_isRefused() {
    var ready = aReadyModel();

    assertThatThrownBy(() -> ready.resumeImport(LATER)).isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> ready.failImport("restart", LATER))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> ready.startFile(WEIGHTS, null, LATER))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> ready.failFile(WEIGHTS, "late", LATER))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("READY");
  }

  @Test
  void givenAFailedVersion_anyImportStep_isRefused() {
    var failed = aRegisteredModel().failFile(WEIGHTS, "gone", STEP);

    assertThatThrownBy(() -> failed.resumeImport(LATER)).isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> failed.completeFile(SCRIPT, 1, SHA, LATER))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void givenAFileThatIsNotCopying_progress_isRefused() {
    var model = aRegisteredModel();

    assertThatThrownBy(() -> model.recordProgress(WEIGHTS, 10, STEP))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void givenAFileOfAnotherVersion_anyStep_isRefused() {
    var model = aRegisteredModel();

    assertThatThrownBy(() -> model.startFile(new FilePath("other.bin"), null, STEP))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenProgress_recordProgress_updatesTheFileAndTheTime() {
    var model =
        aRegisteredModel().startFile(WEIGHTS, 100L, STEP).recordProgress(WEIGHTS, 60, LATER);

    assertThat(model.file(WEIGHTS)).get().extracting(FileImport::bytesCopied).isEqualTo(60L);
    assertThat(model.updatedAt()).isEqualTo(LATER);
  }

  @Test
  void givenACopyingFile_restartFile_dropsItsProgressAndMakesItPendingAgain() {
    var model =
        aRegisteredModel()
            .startFile(WEIGHTS, 100L, STEP)
            .recordProgress(WEIGHTS, 60, STEP)
            .restartFile(WEIGHTS, LATER);

    assertThat(model.file(WEIGHTS))
        .get()
        .returns(FileImportState.PENDING, FileImport::state)
        .returns(0L, FileImport::bytesCopied)
        .returns(null, FileImport::expectedBytes);
    assertThat(model.state()).isEqualTo(ImportState.IMPORTING);
    assertThat(model.startFile(WEIGHTS, 90L, LATER).file(WEIGHTS))
        .get()
        .returns(90L, FileImport::expectedBytes);
  }

  @Test
  void givenAStoredFile_restartFile_isRefused() {
    var model = allStoredExcept("index.md");

    assertThatThrownBy(() -> model.restartFile(WEIGHTS, LATER))
        .isInstanceOf(ConflictException.class);
  }

  // --- progress aggregation

  @Test
  void givenAFreshVersion_progress_countsFilesAndKnowsNoTotal() {
    var progress = aRegisteredModel().progress();

    assertThat(progress).isEqualTo(new ImportProgress(FILES.size(), 0, 0, 0, null));
    assertThat(progress.unfinishedFiles()).isEqualTo(FILES.size());
  }

  @Test
  void givenStoredAndCopyingFiles_progress_sumsBytesAndExpectedSizes() {
    var model =
        allStoredExcept("pytorch_model.bin")
            .startFile(WEIGHTS, 1000L, STEP)
            .recordProgress(WEIGHTS, 250, STEP);

    assertThat(model.progress())
        .isEqualTo(new ImportProgress(FILES.size(), FILES.size() - 1, 0, 60 + 250, 60 + 1000L));
  }

  @Test
  void givenACopyingFileWithoutAnnouncedSize_progress_hasNoExpectedTotal() {
    var model = allStoredExcept("pytorch_model.bin").startFile(WEIGHTS, null, STEP);

    assertThat(model.progress().bytesExpected()).isNull();
    assertThat(model.progress().storedFiles()).isEqualTo(FILES.size() - 1);
  }

  @Test
  void givenAFailedVersion_progress_countsTheFailedFiles() {
    var model = allStoredExcept("pytorch_model.bin").failFile(WEIGHTS, "gone", STEP);

    assertThat(model.progress().failedFiles()).isEqualTo(1);
    assertThat(model.progress().unfinishedFiles()).isZero();
  }

  // --- the restart rule

  @Test
  void givenAnInterruptedImport_resumeImport_resetsEveryUnfinishedFileAndKeepsStoredOnes() {
    var interrupted =
        aRegisteredModel()
            .startFile(SCRIPT, 5L, STEP)
            .completeFile(SCRIPT, 5, SHA, STEP)
            .startFile(WEIGHTS, 100L, STEP)
            .recordProgress(WEIGHTS, 50, STEP);

    var resumed = interrupted.resumeImport(LATER);

    assertThat(resumed.state()).isEqualTo(ImportState.IMPORTING);
    assertThat(resumed.file(SCRIPT)).get().extracting(FileImport::isStored).isEqualTo(true);
    assertThat(resumed.file(WEIGHTS)).get().isEqualTo(FileImport.pending(file0(resumed, WEIGHTS)));
    assertThat(resumed.unfinishedFiles()).hasSize(FILES.size() - 1);
    assertThat(resumed.updatedAt()).isEqualTo(LATER);
  }

  @Test
  void givenAnInterruptedImport_failImport_failsEveryUnfinishedFileCleanly() {
    var interrupted =
        aRegisteredModel().startFile(SCRIPT, 5L, STEP).completeFile(SCRIPT, 5, SHA, STEP);

    var failed = interrupted.failImport("the registry restarted during the import", LATER);

    assertThat(failed.state()).isEqualTo(ImportState.FAILED);
    assertThat(failed.failureReasons()).hasSize(FILES.size() - 1).doesNotContainKey(SCRIPT);
    assertThat(failed.failureReasons().values())
        .containsOnly("the registry restarted during the import");
  }

  // --- updates

  @Test
  void givenAVisibilityAndDescription_update_changesThemAndTheTime() {
    var model =
        aReadyModel()
            .update(new RegistrationUpdate(Visibility.PUBLIC, "better words", null), LATER);

    assertThat(model.visibility()).isEqualTo(Visibility.PUBLIC);
    assertThat(model.description()).isEqualTo("better words");
    assertThat(model.state()).isEqualTo(ImportState.READY);
    assertThat(model.updatedAt()).isEqualTo(LATER);
  }

  @Test
  void givenAnEmptyUpdate_update_keepsEverythingButTheTime() {
    var model = aRegisteredModel();

    var updated = model.update(new RegistrationUpdate(null, null, null), LATER);

    assertThat(updated.visibility()).isEqualTo(model.visibility());
    assertThat(updated.description()).isEqualTo(model.description());
    assertThat(updated.metainfo()).isEqualTo(model.metainfo());
  }

  @Test
  void givenAMetainfoPatch_update_replacesOnlyThePatchedFields() {
    var patch = new MetainfoPatch(null, null, null, null, null, null, "a summary", 99L);

    var model = aRegisteredModel().update(new RegistrationUpdate(null, null, patch), LATER);

    assertThat(model.metainfo().outputDescription()).isEqualTo("a summary");
    assertThat(model.metainfo().numParams()).isEqualTo(99L);
    assertThat(model.metainfo().inputLanguages()).containsExactly("python");
  }

  @Test
  void givenAnIndexPageThatIsNotAFile_update_rejectsIt() {
    var patch =
        new MetainfoPatch(new FilePath("README.md"), null, null, null, null, null, null, null);

    assertThat(
            violationsOf(
                () -> aRegisteredModel().update(new RegistrationUpdate(null, null, patch), LATER)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("file_reference_unknown", "model_metainfo", "index_page_file"));
  }

  @Test
  void givenTypesThatNoLongerAllowTheLanguages_update_rejectsTheLanguages() {
    var patch =
        new MetainfoPatch(null, List.of(DataKind.CLASS_LABEL), null, null, null, null, null, -1L);

    assertThat(
            violationsOf(
                () -> aRegisteredModel().update(new RegistrationUpdate(null, null, patch), LATER)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("value_error", "model_metainfo", "input_languages"),
            violation("greater_than", "model_metainfo", "num_params"));
  }

  @Test
  void givenAVersionWithoutMetainfo_partialMetainfoUpdate_asksForTheRest() {
    var patch =
        new MetainfoPatch(new FilePath("model.bin"), null, null, null, null, null, null, 5L);

    assertThat(
            violationsOf(
                () -> legacyModel().update(new RegistrationUpdate(null, null, patch), LATER)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("missing", "model_metainfo", "input_types"),
            violation("missing", "model_metainfo", "input_description"),
            violation("missing", "model_metainfo", "output_types"),
            violation("missing", "model_metainfo", "output_description"));
  }

  @Test
  void givenAnOverlongDescription_update_rejectsIt() {
    assertThat(
            violationsOf(
                () ->
                    aRegisteredModel()
                        .update(new RegistrationUpdate(null, "x".repeat(1001), null), LATER)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("string_too_long", "model_metainfo", "description"));
  }

  // --- visibility

  private static Caller caller(String userId, boolean admin) {
    return new Caller(
        Optional.of(new Actor(userId, IdentityType.USER)), Set.of(), Set.of(), false, admin);
  }

  @Test
  void givenAPrivateVersion_isVisibleTo_onlyItsOwnerAndAdministrators() {
    var model = aRegisteredModel();

    assertThat(model.isVisibleTo(caller(OWNER, false))).isTrue();
    assertThat(model.isVisibleTo(caller("root", true))).isTrue();
    assertThat(model.isVisibleTo(caller("bob", false))).isFalse();
    // Trusted with every account and workspace, but registered versions belong to identities.
    assertThat(model.isVisibleTo(Caller.trusted(new Actor("bob", IdentityType.USER), false)))
        .isFalse();
    assertThat(model.isVisibleTo(Caller.anonymous())).isFalse();
  }

  @Test
  void givenAPublicVersion_isVisibleTo_everyoneButChangeableOnlyByOwnerAndAdministrators() {
    var model =
        aRegisteredModel().update(new RegistrationUpdate(Visibility.PUBLIC, null, null), LATER);

    assertThat(model.isVisibleTo(caller("bob", false))).isTrue();
    assertThat(model.isVisibleTo(Caller.anonymous())).isTrue();
    assertThat(model.isChangeableBy(caller("bob", false))).isFalse();
    assertThat(model.isChangeableBy(Caller.anonymous())).isFalse();
    assertThat(model.isChangeableBy(caller(OWNER, false))).isTrue();
    assertThat(model.isChangeableBy(caller("root", true))).isTrue();
    assertThat(model.ownerId()).isNotEqualTo("bob");
  }

  // --- storage

  @Test
  void givenAStoredVersion_reconstitute_returnsAnEqualVersion() {
    var model = allStoredExcept("index.md");

    var read =
        RegisteredModel.reconstitute(
            model.id(),
            model.ownerId(),
            model.name(),
            model.version(),
            model.visibility(),
            model.description(),
            model.metainfo(),
            model.config(),
            model.files(),
            model.state(),
            model.createdAt(),
            model.updatedAt());

    assertThat(read).isEqualTo(model).hasSameHashCodeAs(model);
  }

  @Test
  void givenAStateThatContradictsTheFiles_reconstitute_isRefused() {
    var model = aRegisteredModel();

    assertThatThrownBy(
            () ->
                RegisteredModel.reconstitute(
                    model.id(),
                    model.ownerId(),
                    model.name(),
                    model.version(),
                    model.visibility(),
                    model.description(),
                    model.metainfo(),
                    model.config(),
                    model.files(),
                    ImportState.READY,
                    model.createdAt(),
                    model.updatedAt()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenAConfigNamingAMissingFile_reconstitute_isRefused() {
    var config =
        new RegistrationConfig(
            ModelKind.ENCODER, condaOnly("inference.py", "gone.yml"), null, null);

    assertThatThrownBy(
            () ->
                RegisteredModel.reconstitute(
                    MODEL_ID,
                    OWNER,
                    new ResourceName("m"),
                    new VersionName("1"),
                    Visibility.PRIVATE,
                    "",
                    null,
                    config,
                    List.of(FileImport.pending(file("inference.py"))),
                    ImportState.IMPORTING,
                    REGISTERED_AT,
                    REGISTERED_AT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gone.yml");
  }

  @Test
  void givenSecretsAndSignedUrls_toString_showsOnlyIdentityAndState() {
    var model = aRegisteredModel().failFile(WEIGHTS, "GET failed", STEP);

    assertThat(model.toString())
        .isEqualTo("RegisteredModel[" + MODEL_ID + ", alice/code-summarizer/1.0.2, FAILED]")
        .doesNotContain(PASSWORD)
        .doesNotContain(SIGNATURE);
    assertThat(model.files().toString()).doesNotContain(SIGNATURE);
    assertThat(model.config().toString()).doesNotContain(PASSWORD);
  }

  private static ModelFileSpec file0(RegisteredModel model, FilePath target) {
    return model.file(target).orElseThrow().spec();
  }
}
