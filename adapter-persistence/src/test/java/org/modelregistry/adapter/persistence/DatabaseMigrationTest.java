package org.modelregistry.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modelregistry.domain.testdata.TestTemplates.aTemplate;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.jooq.Field;
import org.jooq.Named;
import org.jooq.Record2;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modelregistry.domain.identity.Actor;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.identity.IdentityType;
import org.modelregistry.domain.template.Template;
import org.modelregistry.domain.workspace.EntityName;
import org.modelregistry.domain.workspace.FilesetRef;
import org.modelregistry.domain.workspace.ModelEntity;
import org.modelregistry.domain.workspace.ModelEntityDefinition;
import org.modelregistry.domain.workspace.WorkspaceName;
import org.modelregistry.ports.in.TemplateQuery;
import org.modelregistry.ports.in.workspace.FilesetQuery;
import org.modelregistry.ports.paging.PageRequest;

class DatabaseMigrationTest {

  private static final Table<?> HISTORY = DSL.table(DSL.name("flyway_schema_history"));
  private static final Field<String> VERSION = DSL.field(DSL.name("version"), String.class);
  private static final Field<Boolean> SUCCESS = DSL.field(DSL.name("success"), Boolean.class);

  @TempDir Path dir;

  @Test
  void givenNoFileNorDirectory_open_createsThemWithTablesAndMigrationHistory() throws Exception {
    Path file = dir.resolve("data").resolve("nested").resolve("registry.db");

    try (Database database = Database.open(SqliteFiles.url(file))) {
      assertThat(file).isRegularFile();
      List<String> tables = database.dsl().meta().getTables().stream().map(Named::getName).toList();
      assertThat(tables)
          .contains(
              "model_template",
              "model_instance",
              "registered_models",
              "registered_model_files",
              "model_entities",
              "model_entity_adapters",
              "filesets",
              "flyway_schema_history");
      List<Record2<String, Boolean>> history =
          database.dsl().select(VERSION, SUCCESS).from(HISTORY).where(VERSION.isNotNull()).fetch();
      assertThat(history).hasSize(migrationFiles()).allMatch(Record2::value2);
      assertThat(history).extracting(Record2::value1).contains("1", "2", "3");
    }
  }

  @Test
  void givenMigratedFileWithData_openAgain_keepsTheDataAndAppliesNothingTwice() throws Exception {
    Path file = dir.resolve("registry.db");
    Template template;
    try (Database first = Database.open(SqliteFiles.url(file))) {
      template = aTemplate().build();
      first.templates().insert(template);
    }

    try (Database second = Database.open(SqliteFiles.url(file))) {
      assertThat(second.templates().findById(template.id())).contains(template);
      assertThat(second.dsl().fetchCount(HISTORY, VERSION.isNotNull())).isEqualTo(migrationFiles());
    }
  }

  @Test
  void givenTwoDatabasesOnOneFile_eachSeesTheOthersWrites() {
    try (Database one = SqliteFiles.open(dir);
        Database two = SqliteFiles.open(dir)) {
      Template template = aTemplate().build();
      one.templates().insert(template);

      assertThat(two.templates().findById(template.id())).contains(template);
    }
  }

  @Test
  void givenUrlOfAnotherDatabase_open_refusesWithoutEchoingTheUrlsSecrets() {
    assertThatThrownBy(() -> Database.open("jdbc:mysql://db.example/registry?password=hunter2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jdbc:mysql:")
        .hasMessageContaining("jdbc:postgresql:")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void givenUnreachablePostgres_open_failsWithoutEchoingThePassword() {
    var options =
        new DatabaseOptions(
            java.util.Optional.of("registry"),
            java.util.Optional.of("hunter2"),
            2,
            java.time.Duration.ofMillis(500));

    assertThatThrownBy(() -> Database.open("jdbc:postgresql://127.0.0.1:1/registry", options))
        .isInstanceOf(RuntimeException.class)
        .satisfies(
            e -> {
              for (Throwable t = e; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain("hunter2");
              }
            });
  }

  @Test
  void givenInMemorySqliteUrl_open_refusesIt() {
    for (String url :
        List.of("jdbc:sqlite::memory:", "jdbc:sqlite:", "jdbc:sqlite:file:x?mode=memory")) {
      assertThatThrownBy(() -> Database.open(url))
          .as(url)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("file");
    }
  }

  @Test
  void givenClosedDatabase_useItsRepositories_failsInsteadOfReopening() {
    Database database = SqliteFiles.open(dir);
    database.close();

    assertThatThrownBy(
            () ->
                database
                    .templates()
                    .list(
                        new TemplateQuery(
                            Caller.trusted(new Actor("auditor", IdentityType.USER), true),
                            Optional.empty(),
                            PageRequest.first(1))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    database.close();
  }

  @Test
  void givenDatabaseAtVersion2_open_migratesToVersion3WithWorkingWorkspaceTables()
      throws Exception {
    Path file = dir.resolve("v2.db");
    Flyway.configure(Database.class.getClassLoader())
        .dataSource(SqliteFiles.url(file), null, null)
        .locations("classpath:db/migration")
        .target("2")
        .load()
        .migrate();

    try (Database database = Database.open(SqliteFiles.url(file))) {
      assertThat(
              database
                  .dsl()
                  .select(VERSION)
                  .from(HISTORY)
                  .where(VERSION.isNotNull())
                  .fetch(VERSION))
          .contains("1", "2", "3");
      var entity =
          ModelEntity.create(
              new WorkspaceName("ws"),
              new ModelEntityDefinition(
                  new EntityName("m"),
                  null,
                  null,
                  null,
                  null,
                  null,
                  FilesetRef.parse("ws/files"),
                  List.of(),
                  null,
                  null,
                  false,
                  null,
                  null,
                  null),
              java.time.Instant.parse("2026-01-01T00:00:00Z"));
      database.modelEntities().insert(entity);

      assertThat(database.modelEntities().find(entity.workspace(), entity.name())).contains(entity);
      assertThat(database.modelEntities().usesFileset(FilesetRef.parse("ws/files"))).isTrue();
      assertThat(database.filesets().list(FilesetQuery.all(entity.workspace())).items()).isEmpty();
    }
  }

  /** How many migrations the adapter ships, so that adding V2 keeps these tests honest. */
  private static int migrationFiles() throws URISyntaxException, java.io.IOException {
    Path migrations = Path.of(Database.class.getResource("/db/migration").toURI());
    try (Stream<Path> files = Files.list(migrations)) {
      return (int) files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
    }
  }
}
