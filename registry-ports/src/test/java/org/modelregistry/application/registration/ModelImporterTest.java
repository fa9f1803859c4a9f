package org.modelregistry.application.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modelregistry.application.registration.RegistrationServices.ALICE;
import static org.modelregistry.application.registration.RegistrationServices.content;
import static org.modelregistry.domain.registration.TestRegistrations.FILES;
import static org.modelregistry.domain.registration.TestRegistrations.SIGNATURE;
import static org.modelregistry.domain.registration.TestRegistrations.signedUrl;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.registration.FileImport;
import org.modelregistry.domain.registration.FileImportState;
import org.modelregistry.domain.registration.ImportState;
import org.modelregistry.domain.registration.RegisteredModel;
import org.modelregistry.domain.registration.TestRegistrations;
import org.modelregistry.ports.out.memory.ScriptedSourceFetcher.Body;
import org.modelregistry.ports.out.memory.ScriptedSourceFetcher.BrokenBody;
import org.modelregistry.ports.out.memory.ScriptedSourceFetcher.Failure;

class ModelImporterTest {

  private static final String WEIGHTS = "pytorch_model.bin";

  private RegistrationServices services = new RegistrationServices();

  @AfterEach
  void close() {
    services.close();
  }

  @Test
  void givenServedSources_import_storesEveryFileWithSizeAndDigest() throws Exception {
    RegisteredModel model = services.servingAllFiles().registerAndAwait();

    assertThat(model.state()).isEqualTo(ImportState.READY);
    for (FileImport file : model.files()) {
      byte[] expected = content(file.target().value());
      assertThat(file.size()).isEqualTo(expected.length);
      assertThat(file.sha256())
          .isEqualTo(
              HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(expected)));
    }
    assertThat(services.store.paths())
        .hasSize(FILES.size())
        .allMatch(p -> p.startsWith("registrations/" + model.id() + "/"));
    assertThat(services.importer.importedFiles()).isEqualTo(FILES.size());
    assertThat(services.importer.importedBytes())
        .isEqualTo(FILES.stream().mapToLong(f -> content(f).length).sum());
    assertThat(services.importer.runningImports()).isZero();
  }

  @Test
  void givenASourceThatAnswers404_import_failsThatFileAndKeepsNoBytes() {
    FILES.stream()
        .filter(f -> !f.equals(WEIGHTS))
        .forEach(f -> services.fetcher.serve(signedUrl(f), content(f)));
    services.fetcher.answer(signedUrl(WEIGHTS), new Failure("GET x returned 404", false));

    RegisteredModel model = services.registerAndAwait();

    assertThat(model.state()).isEqualTo(ImportState.FAILED);
    assertThat(model.failureReasons().get(new FilePath(WEIGHTS))).contains("returned 404");
    assertThat(services.fetcher.fetchesOf(signedUrl(WEIGHTS))).isEqualTo(1);
    assertThat(services.store.paths()).isEmpty();
  }

  @Test
  void givenATransientFailure_import_retriesAndSucceeds() {
    services.fetcher.answer(
        signedUrl(WEIGHTS),
        new Failure("GET x returned 503", true),
        new Body(content(WEIGHTS), content(WEIGHTS).length, null));
    FILES.stream()
        .filter(f -> !f.equals(WEIGHTS))
        .forEach(f -> services.fetcher.serve(signedUrl(f), content(f)));

    RegisteredModel model = services.registerAndAwait();

    assertThat(model.state()).isEqualTo(ImportState.READY);
    assertThat(services.fetcher.fetchesOf(signedUrl(WEIGHTS))).isEqualTo(2);
    assertThat(services.importer.importedFiles()).isEqualTo(FILES.size());
  }

  @Test
  void givenASourceThatAlwaysClosesEarly_import_givesUpAfterTheAttemptsAndKeepsNoBytes() {
    FILES.stream()
        .filter(f -> !f.equals(WEIGHTS))
        .forEach(f -> services.fetcher.serve(signedUrl(f), content(f)));
    services.fetcher.answer(signedUrl(WEIGHTS), new BrokenBody(new byte[] {1, 2, 3}, 100));

    RegisteredModel model = services.registerAndAwait();

    assertThat(model.state()).isEqualTo(ImportState.FAILED);
    assertThat(model.failureReasons().get(new FilePath(WEIGHTS)))
        .contains("closed the connection early")
        .contains("gave up after 3 attempts");
    assertThat(services.fetcher.fetchesOf(signedUrl(WEIGHTS))).isEqualTo(3);
    assertThat(services.store.paths()).isEmpty();
    assertThat(services.importer.importedFiles()).isLessThan(FILES.size());
  }

  @Test
  void givenABodyShorterThanItsAnnouncedLength_import_failsWithASizeMismatch() {
    FILES.stream()
        .filter(f -> !f.equals(WEIGHTS))
        .forEach(f -> services.fetcher.serve(signedUrl(f), content(f)));
    services.fetcher.answer(
        signedUrl(WEIGHTS), new Body(content(WEIGHTS), content(WEIGHTS).length + 5L, null));

    RegisteredModel model = services.registerAndAwait();

    assertThat(model.state()).isEqualTo(ImportState.FAILED);
    assertThat(model.failureReasons().get(new FilePath(WEIGHTS))).contains("size mismatch");
    assertThat(services.store.paths()).isEmpty();
  }

  @Test
  void givenAFileOverThePerFileLimit_import_failsWithoutRetrying() {
    services.close();
    services =
        new RegistrationServices(
            RegistrationServices.fastSettings(2, 10, 1 << 20, ImportSettings.RestartPolicy.RESUME));
    FILES.forEach(f -> services.fetcher.serve(signedUrl(f), content(f)));

    RegisteredModel model = services.registerAndAwait();

    assertThat(model.state()).isEqualTo(ImportState.FAILED);
    assertThat(model.failureReasons().values())
        .anyMatch(reason -> reason.contains("larger than the limit of 10 bytes per file"));
    assertThat(services.fetcher.fetchesOf(signedUrl(WEIGHTS))).isLessThanOrEqualTo(1);
    assertThat(services.store.paths()).isEmpty();
  }

  @Test
  void givenAnUnannouncedStreamOverTheLimit_import_stopsReadingAndFails() {
    services.close();
    services =
        new RegistrationServices(
            RegistrationServices.fastSettings(1, 64, 1 << 20, ImportSettings.RestartPolicy.RESUME));
    FILES.stream()
        .filter(f -> !f.equals(WEIGHTS))
        .forEach(f -> services.fetcher.serve(signedUrl(f), content(f)));
    services.fetcher.answer(signedUrl(WEIGHTS), new Body(new byte[1000], -1, null));

    RegisteredModel model = services.registerAndAwait();

    assertThat(model.failureReasons().get(new FilePath(WEIGHTS)))
        .contains("larger than the limit of 64 bytes per file");
    assertThat(services.fetcher.fetchesOf(signedUrl(WEIGHTS))).isEqualTo(1);
    assertThat(services.store.paths()).isEmpty();
  }

  @Test
  void givenFilesOverTheModelLimit_import_fails() {
    services.close();
    services =
        new RegistrationServices(
            RegistrationServices.fastSettings(2, 1000, 40, ImportSettings.RestartPolicy.RESUME));
    FILES.forEach(f -> services.fetcher.serve(signedUrl(f), content(f)));

    RegisteredModel model = services.registerAndAwait();

    assertThat(model.state()).isEqualTo(ImportState.FAILED);
    assertThat(model.failureReasons().values())
        .anyMatch(reason -> reason.contains("together are larger than the limit of 40 bytes"));
    assertThat(services.store.paths()).isEmpty();
  }

  @Test
  void givenARetriedFile_theModelLimit_countsOnlyTheAttemptThatSucceeded() {
    long total = FILES.stream().mapToLong(f -> content(f).length).sum();
    services.close();
    services =
        new RegistrationServices(
            RegistrationServices.fastSettings(
                2, 1000, total + 4, ImportSettings.RestartPolicy.RESUME));
    FILES.stream()
        .filter(f -> !f.equals(WEIGHTS))
        .forEach(f -> services.fetcher.serve(signedUrl(f), content(f)));
    byte[] weights = content(WEIGHTS);
    services.fetcher.answer(
        signedUrl(WEIGHTS),
        new BrokenBody(java.util.Arrays.copyOf(weights, weights.length - 1), weights.length),
        new Body(weights, weights.length, null));

    RegisteredModel model = services.registerAndAwait();

    assertThat(model.state()).isEqualTo(ImportState.READY);
    assertThat(services.fetcher.fetchesOf(signedUrl(WEIGHTS))).isEqualTo(2);
  }

  @Test
  void givenACopyInProgress_get_showsTheFileCopyingWithItsAnnouncedSize() {
    var gate = new CountDownLatch(1);
    FILES.stream()
        .filter(f -> !f.equals(WEIGHTS))
        .forEach(f -> services.fetcher.serve(signedUrl(f), content(f)));
    services.fetcher.serveWhenOpened(signedUrl(WEIGHTS), content(WEIGHTS), gate);
    services.register.register(ALICE, TestRegistrations.aRegistration());

    RegisteredModel during =
        Polling.until(
            () -> services.get.get(ALICE, RegistrationServices.REF),
            m ->
                m.file(new FilePath(WEIGHTS)).orElseThrow().state() == FileImportState.COPYING
                    && m.progress().storedFiles() == FILES.size() - 1);
    gate.countDown();

    assertThat(during.state()).isEqualTo(ImportState.IMPORTING);
    assertThat(during.file(new FilePath(WEIGHTS)).orElseThrow().expectedBytes())
        .isEqualTo(content(WEIGHTS).length);
    assertThat(services.awaitEnd(ALICE).state()).isEqualTo(ImportState.READY);
  }

  @Test
  void givenADeleteDuringTheImport_theCopyStopsAndNoBytesRemain() {
    var gate = new CountDownLatch(1);
    FILES.stream()
        .filter(f -> !f.equals(WEIGHTS))
        .forEach(f -> services.fetcher.serve(signedUrl(f), content(f)));
    services.fetcher.serveWhenOpened(signedUrl(WEIGHTS), content(WEIGHTS), gate);
    RegisteredModel registered =
        services.register.register(ALICE, TestRegistrations.aRegistration());
    Polling.until(
        () -> services.get.get(ALICE, RegistrationServices.REF),
        m -> m.progress().storedFiles() == FILES.size() - 1);

    services.delete.delete(ALICE, RegistrationServices.REF);
    gate.countDown();
    Polling.until(() -> services.importer.isRunning(registered.id()), running -> !running);

    assertThat(services.models.findById(registered.id())).isEmpty();
    assertThat(services.store.paths()).isEmpty();
  }

  @Test
  void givenAnInterruptedImport_recoverWithResume_copiesTheRestAgain() {
    FILES.forEach(f -> services.fetcher.serve(signedUrl(f), content(f)));
    RegisteredModel interrupted =
        TestRegistrations.aRegisteredModel()
            .startFile(new FilePath(WEIGHTS), 999L, TestRegistrations.LATER)
            .recordProgress(new FilePath(WEIGHTS), 10, TestRegistrations.LATER);
    services.models.insert(interrupted);

    assertThat(services.importer.recoverInterrupted()).isEqualTo(1);
    services.importer.awaitEnd(interrupted.id(), Duration.ofSeconds(30));

    RegisteredModel after = services.models.findById(interrupted.id()).orElseThrow();
    assertThat(after.state()).isEqualTo(ImportState.READY);
    assertThat(after.file(new FilePath(WEIGHTS)).orElseThrow().size())
        .isEqualTo(content(WEIGHTS).length);
  }

  @Test
  void givenAnInterruptedImport_recoverWithFail_failsItAndKeepsNoBytes() {
    services.close();
    services =
        new RegistrationServices(
            RegistrationServices.fastSettings(ImportSettings.RestartPolicy.FAIL));
    RegisteredModel interrupted =
        TestRegistrations.aRegisteredModel()
            .startFile(new FilePath("index.md"), 5L, TestRegistrations.LATER)
            .completeFile(new FilePath("index.md"), 5, "b".repeat(64), TestRegistrations.LATER);
    services.models.insert(interrupted);
    services.store.write(
        new FilePath("registrations/" + interrupted.id() + "/index.md"),
        new java.io.ByteArrayInputStream(new byte[5]),
        5);

    services.importer.recoverInterrupted();

    RegisteredModel after = services.models.findById(interrupted.id()).orElseThrow();
    assertThat(after.state()).isEqualTo(ImportState.FAILED);
    assertThat(after.failureReasons().get(new FilePath(WEIGHTS)))
        .contains("stopped during the import");
    assertThat(services.store.paths()).isEmpty();
  }

  @Test
  void givenASignedSource_failureReasons_neverShowTheSignature() {
    FILES.stream()
        .filter(f -> !f.equals(WEIGHTS))
        .forEach(f -> services.fetcher.serve(signedUrl(f), content(f)));
    services.fetcher.answer(
        signedUrl(WEIGHTS), new Failure("GET " + signedUrl(WEIGHTS) + " returned 403", false));

    RegisteredModel model = services.registerAndAwait();

    assertThat(model.failureReasons().toString())
        .contains("returned 403")
        .doesNotContain(SIGNATURE);
  }
}
