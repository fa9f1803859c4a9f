package org.modelregistry.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
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
  void givenPostgres_poolStatistics_showTheConfiguredMaximum_andSqliteHasNone() {
    try (PostgresDatabases.Opened opened = PostgresDatabases.open();
        Database sqlite = Database.open(SqliteFiles.url(dir.resolve("registry.db")))) {
      opened.database().readinessCheck().check();

      assertThat(opened.database().poolStatistics())
          .hasValueSatisfying(
              pool -> {
                assertThat(pool.maximum()).isEqualTo(DatabaseOptions.DEFAULT_MAX_POOL_SIZE);
                assertThat(pool.active() + pool.idle()).isPositive();
                assertThat(pool.waiting()).isZero();
              });
      assertThat(sqlite.poolStatistics()).isEmpty();
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
