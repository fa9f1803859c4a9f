package org.modelregistry.adapter.persistence;

import java.util.Objects;
import org.flywaydb.core.api.MigrationVersion;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.modelregistry.ports.out.DependencyCheck;

/**
 * The database answers and holds at least the schema this code migrated it to: one query on
 * Flyway's history table. A database another node migrated further still counts (a rolling
 * upgrade); one whose history went missing or went back does not.
 */
final class DatabaseReadiness implements DependencyCheck {

  // Flyway's own table: not part of the generated schema.
  private static final Table<?> HISTORY = DSL.table(DSL.name("flyway_schema_history"));
  private static final Field<String> VERSION = DSL.field(DSL.name("version"), String.class);
  private static final Field<Boolean> SUCCESS = DSL.field(DSL.name("success"), Boolean.class);
  private static final Field<Integer> RANK = DSL.field(DSL.name("installed_rank"), Integer.class);

  private static final int QUERY_TIMEOUT_SECONDS = 2;

  private final DSLContext dsl;
  private final MigrationVersion required;

  DatabaseReadiness(DSLContext dsl, MigrationVersion required) {
    this.dsl = Objects.requireNonNull(dsl, "dsl");
    this.required = Objects.requireNonNull(required, "required");
  }

  @Override
  public String name() {
    return "database";
  }

  @Override
  public void check() {
    // Versioned migrations only: repeatable ones have no version.
    String applied =
        dsl.select(VERSION)
            .from(HISTORY)
            .where(SUCCESS.isTrue(), VERSION.isNotNull())
            .orderBy(RANK.desc())
            .limit(1)
            // A half-open connection must not hold a pooled connection past the probe's patience.
            .queryTimeout(QUERY_TIMEOUT_SECONDS)
            .fetchOne(VERSION);
    if (applied == null) {
      throw new IllegalStateException("no schema migration has been applied");
    }
    if (MigrationVersion.fromVersion(applied).compareTo(required) < 0) {
      throw new IllegalStateException(
          "the schema is at version " + applied + ", this node needs " + required);
    }
  }
}
