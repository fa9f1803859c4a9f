package org.modelregistry.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseReadinessTest {

  @TempDir Path dir;

  @Test
  void givenAMigratedSqliteDatabase_check_passes() {
    try (Database database = Database.open(SqliteFiles.url(dir.resolve("registry.db")))) {
      assertThatCode(database.readinessCheck()::check).doesNotThrowAnyException();
    }
  }

  @Test
  void givenAMigratedPostgresDatabase_check_passes() {
    try (PostgresDatabases.Opened opened = PostgresDatabases.open()) {
      assertThatCode(opened.database().readinessCheck()::check).doesNotThrowAnyException();
    }
  }

  @Test
  void givenTheLatestMigrationUndone_check_failsNamingBothVersions() {
    try (Database database = Database.open(SqliteFiles.url(dir.resolve("registry.db")))) {
      database
          .dsl()
          .execute(
              "delete from flyway_schema_history where installed_rank ="
                  + " (select max(installed_rank) from flyway_schema_history)");

      assertThatThrownBy(database.readinessCheck()::check)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("this node needs");
    }
  }

  @Test
  void givenTheHistoryTableGone_check_fails() {
    try (Database database = Database.open(SqliteFiles.url(dir.resolve("registry.db")))) {
      database.dsl().dropTable(DSL.name("flyway_schema_history")).execute();

      assertThatThrownBy(database.readinessCheck()::check).isInstanceOf(RuntimeException.class);
    }
  }

  @Test
  void givenAClosedDatabase_check_fails() {
    Database database = Database.open(SqliteFiles.url(dir.resolve("registry.db")));
    database.close();

    assertThatThrownBy(database.readinessCheck()::check).isInstanceOf(IllegalStateException.class);
  }
}
