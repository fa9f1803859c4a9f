package org.modelregistry.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modelregistry.adapter.persistence.jooq.Tables.REGISTERED_MODELS;
import static org.modelregistry.adapter.persistence.jooq.Tables.REGISTERED_MODEL_FILES;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.identity.Actor;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.identity.IdentityType;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.registration.ImportState;
import org.modelregistry.domain.registration.RegisteredModel;
import org.modelregistry.domain.registration.Registration;
import org.modelregistry.domain.registration.RegistrationDocuments;
import org.modelregistry.domain.registration.TestRegistrations;
import org.modelregistry.domain.registration.VersionName;
import org.modelregistry.ports.in.registration.RegisteredModelQuery;
import org.modelregistry.ports.paging.PageRequest;

/** What the registered-model tables hold and how the adapter treats rows it cannot read. */
class SqliteRegisteredModelsTest {

  private static final long TIMEOUT_SECONDS = 60;
  private static final Instant AT = Instant.parse("2026-05-06T07:08:09.123456Z");

  @TempDir Path dir;
  private Database database;

  @BeforeEach
  void open() {
    database = SqliteFiles.open(dir);
  }

  @AfterEach
  void close() {
    database.close();
  }

  private static RegisteredModel aVersion(String id, String version) {
    Registration base = TestRegistrations.aRegistration();
    var registration =
        new Registration(
            base.name(),
            new VersionName(version),
            base.visibility(),
            base.description(),
            base.metainfo(),
            base.config(),
            base.files());
    return RegisteredModel.create(id, TestRegistrations.OWNER, registration, AT);
  }

  private int fileRows(String modelId) {
    return database
        .dsl()
        .fetchCount(REGISTERED_MODEL_FILES, REGISTERED_MODEL_FILES.MODEL_ID.eq(modelId));
  }

  @Test
  void givenStoredVersion_rows_holdOneFileRowPerFileInOrder() {
    RegisteredModel model = aVersion("rm-1", "1.0");
    database.registeredModels().insert(model);

    List<String> targets =
        database
            .dsl()
            .select(REGISTERED_MODEL_FILES.TARGET)
            .from(REGISTERED_MODEL_FILES)
            .where(REGISTERED_MODEL_FILES.MODEL_ID.eq("rm-1"))
            .orderBy(REGISTERED_MODEL_FILES.POSITION)
            .fetch(REGISTERED_MODEL_FILES.TARGET);
    assertThat(targets).containsExactlyElementsOf(TestRegistrations.FILES);
    var row = database.dsl().fetchSingle(REGISTERED_MODELS, REGISTERED_MODELS.ID.eq("rm-1"));
    assertThat(row.getCreatedAt()).isEqualTo(EpochMicros.of(AT));
    assertThat(row.getType()).isEqualTo("DECODER");
    assertThat(row.getConfig()).as("stored for the importer").contains(TestRegistrations.PASSWORD);
  }

  @Test
  void givenLegacyVersion_row_holdsNoMetainfo() {
    Registration legacy =
        RegistrationDocuments.readLegacyRegistration(TestRegistrations.legacyBody());
    database.registeredModels().insert(RegisteredModel.create("rm-legacy", "bob", legacy, AT));

    var row = database.dsl().fetchSingle(REGISTERED_MODELS, REGISTERED_MODELS.ID.eq("rm-legacy"));

    assertThat(row.getMetainfo()).isNull();
  }

  @Test
  void givenStoredVersions_deleteOne_removesItsFileRowsOnly() {
    database.registeredModels().insert(aVersion("rm-gone", "1.0"));
    database.registeredModels().insert(aVersion("rm-kept", "1.1"));

    assertThat(database.registeredModels().delete("rm-gone")).isTrue();

    assertThat(fileRows("rm-gone")).isZero();
    assertThat(fileRows("rm-kept")).isEqualTo(TestRegistrations.FILES.size());
  }

  @Test
  void givenTransactionThatFailsAfterInsert_rollback_leavesNeitherRowNorFiles() {
    RegisteredModel model = aVersion("rm-rolled-back", "1.0");

    assertThatThrownBy(
            () ->
                database
                    .transactions()
                    .inTransaction(
                        () -> {
                          database.registeredModels().insert(model);
                          throw new IllegalStateException("the caller changed its mind");
                        }))
        .hasMessage("the caller changed its mind");

    assertThat(database.registeredModels().findById(model.id())).isEmpty();
    assertThat(fileRows(model.id())).isZero();
  }

  @Test
  void givenTransactionThatFailsAfterUpdate_rollback_keepsTheFormerFileStates() {
    RegisteredModel model = aVersion("rm-1", "1.0");
    database.registeredModels().insert(model);
    FilePath first = new FilePath(TestRegistrations.FILES.get(0));

    assertThatThrownBy(
            () ->
                database
                    .transactions()
                    .inTransaction(
                        () -> {
                          database.registeredModels().update(model.startFile(first, 5L, AT));
                          throw new IllegalStateException("interrupted");
                        }))
        .hasMessage("interrupted");

    assertThat(database.registeredModels().findById(model.id())).contains(model);
  }

  @Test
  void givenVersion_updateWithAnotherListOfFiles_replacesTheFileRows() {
    RegisteredModel model = aVersion("rm-1", "1.0");
    database.registeredModels().insert(model);
    Registration legacy =
        RegistrationDocuments.readLegacyRegistration(TestRegistrations.legacyBody());
    RegisteredModel other = RegisteredModel.create("rm-1", TestRegistrations.OWNER, legacy, AT);

    assertThat(database.registeredModels().update(other)).isTrue();

    assertThat(database.registeredModels().findById("rm-1")).contains(other);
    assertThat(fileRows("rm-1")).isEqualTo(3);
  }

  @Test
  void givenRowWhoseStateContradictsItsFiles_findAndList_failAsCorruptWithoutSecrets() {
    database.registeredModels().insert(aVersion("rm-corrupt", "1.0"));
    database
        .dsl()
        .update(REGISTERED_MODELS)
        .set(REGISTERED_MODELS.STATE, ImportState.READY.name())
        .where(REGISTERED_MODELS.ID.eq("rm-corrupt"))
        .execute();

    assertThatThrownBy(() -> database.registeredModels().findById("rm-corrupt"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("rm-corrupt")
        .hasMessageContaining("cannot be read")
        .hasMessageNotContaining(TestRegistrations.PASSWORD)
        .hasMessageNotContaining(TestRegistrations.SIGNATURE);
    assertThatThrownBy(
            () ->
                database
                    .registeredModels()
                    .list(
                        RegisteredModelQuery.visibleTo(
                            Caller.trusted(new Actor("auditor", IdentityType.USER), true),
                            PageRequest.first(10))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("rm-corrupt");
  }

  @Test
  void givenRowWithUnreadableConfig_findById_failsAsCorrupt() {
    database.registeredModels().insert(aVersion("rm-corrupt", "1.0"));
    database
        .dsl()
        .update(REGISTERED_MODELS)
        .set(REGISTERED_MODELS.CONFIG, "{\"type\": \"NO_SUCH_KIND\"}")
        .where(REGISTERED_MODELS.ID.eq("rm-corrupt"))
        .execute();

    assertThatThrownBy(() -> database.registeredModels().findById("rm-corrupt"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("rm-corrupt");
  }

  @Test
  void givenRowWithoutFileRows_findById_failsAsCorrupt() {
    database.registeredModels().insert(aVersion("rm-corrupt", "1.0"));
    database
        .dsl()
        .deleteFrom(REGISTERED_MODEL_FILES)
        .where(REGISTERED_MODEL_FILES.MODEL_ID.eq("rm-corrupt"))
        .execute();

    assertThatThrownBy(() -> database.registeredModels().findById("rm-corrupt"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("rm-corrupt");
  }

  @Test
  void givenTwoDatabasesOnOneFile_racingInsertsOfOneVersion_exactlyOneWins() throws Exception {
    int threads = 6;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (Database other = SqliteFiles.open(dir)) {
      List<Database> databases = List.of(database, other);
      var start = new CyclicBarrier(threads);
      var futures = new ArrayList<Future<Optional<Throwable>>>();
      for (int t = 0; t < threads; t++) {
        Database target = databases.get(t % 2);
        String id = "rm-" + t;
        futures.add(
            pool.submit(
                () -> {
                  start.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                  try {
                    target.registeredModels().insert(aVersion(id, "9.9"));
                    return Optional.<Throwable>empty();
                  } catch (RuntimeException e) {
                    return Optional.<Throwable>of(e);
                  }
                }));
      }
      var failures = new ArrayList<Throwable>();
      for (var future : futures) {
        future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS).ifPresent(failures::add);
      }

      assertThat(failures)
          .hasSize(threads - 1)
          .allMatch(e -> e instanceof ConflictException, "is a ConflictException");
      assertThat(other.dsl().fetchCount(REGISTERED_MODELS)).isEqualTo(1);
      String winner = other.dsl().fetchSingle(REGISTERED_MODELS).getId();
      assertThat(other.dsl().fetchCount(REGISTERED_MODEL_FILES))
          .isEqualTo(TestRegistrations.FILES.size())
          .isEqualTo(
              other
                  .dsl()
                  .fetchCount(REGISTERED_MODEL_FILES, REGISTERED_MODEL_FILES.MODEL_ID.eq(winner)));
    } finally {
      pool.shutdownNow();
    }
  }
}
