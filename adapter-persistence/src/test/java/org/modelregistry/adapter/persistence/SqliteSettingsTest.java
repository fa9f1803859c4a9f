package org.modelregistry.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modelregistry.adapter.persistence.jooq.Tables.MODEL_INSTANCE;
import static org.modelregistry.adapter.persistence.jooq.Tables.MODEL_TEMPLATE;
import static org.modelregistry.domain.testdata.TestModels.aModel;
import static org.modelregistry.domain.testdata.TestTemplates.aTemplate;

import java.nio.file.Path;
import java.util.Optional;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modelregistry.adapter.persistence.DatabaseVendor.ConstraintKind;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.model.Model;
import org.modelregistry.domain.template.Template;

/** The SQLite connection settings are in force, and the driver's errors are understood. */
class SqliteSettingsTest {

  @TempDir Path dir;
  private Database database;
  private final JsonDocuments json = new JsonDocuments();

  @BeforeEach
  void open() {
    database = SqliteFiles.open(dir);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void givenOpenDatabase_itsConnections_useWalForeignKeysAndTheBusyTimeout() {
    assertThat(database.dsl().fetchValue("pragma journal_mode")).isEqualTo("wal");
    assertThat(database.dsl().fetchValue("pragma foreign_keys")).hasToString("1");
    assertThat(database.dsl().fetchValue("pragma busy_timeout"))
        .hasToString(String.valueOf(SqliteVendor.BUSY_TIMEOUT_MILLIS));
  }

  @Test
  void givenModelOfMissingTemplate_insert_isRefusedByTheForeignKeyAsConflict() {
    Template neverStored = aTemplate().build();
    Model model = aModel().fromTemplate(neverStored).build();

    assertThatThrownBy(() -> database.models().insert(model))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining(neverStored.id());
    assertThat(database.models().findById(model.id())).isEmpty();
  }

  @Test
  void givenTemplateInUse_deleteBypassingTheUsageCheck_failsOnTheForeignKey() {
    Template template = aTemplate().build();
    database.templates().insert(template);
    database.models().insert(aModel().fromTemplate(template).build());

    assertThatThrownBy(
            () ->
                database
                    .dsl()
                    .deleteFrom(MODEL_TEMPLATE)
                    .where(MODEL_TEMPLATE.ID.eq(template.id()))
                    .execute())
        .isInstanceOfSatisfying(
            DataAccessException.class,
            e ->
                assertThat(new SqliteVendor().constraintViolation(e))
                    .contains(ConstraintKind.FOREIGN_KEY));
    assertThat(database.templates().findById(template.id())).contains(template);
  }

  @Test
  void givenStoredTemplate_rawInsertsBreakingEachKey_areClassifiedByKind() {
    Template template = aTemplate().withName("taken").build();
    database.templates().insert(template);
    var mapper = new TemplateRecordMapper(json);
    var sameId = mapper.toRecord(aTemplate().withId(template.id()).build());
    var sameName = mapper.toRecord(aTemplate().withName("taken").build());

    assertThat(
            constraintBrokenBy(
                () -> database.dsl().insertInto(MODEL_TEMPLATE).set(sameId).execute()))
        .contains(ConstraintKind.PRIMARY_KEY);
    assertThat(
            constraintBrokenBy(
                () -> database.dsl().insertInto(MODEL_TEMPLATE).set(sameName).execute()))
        .contains(ConstraintKind.UNIQUE);
    assertThat(constraintBrokenBy(() -> database.dsl().selectFrom(MODEL_INSTANCE).fetch()))
        .as("a statement that succeeds")
        .isEmpty();
  }

  private static Optional<ConstraintKind> constraintBrokenBy(Runnable statement) {
    try {
      statement.run();
      return Optional.empty();
    } catch (DataAccessException e) {
      return new SqliteVendor().constraintViolation(e);
    }
  }
}
