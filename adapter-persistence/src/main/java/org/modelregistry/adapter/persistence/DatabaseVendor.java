package org.modelregistry.adapter.persistence;

import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.jooq.SQLDialect;

/**
 * What differs between the databases the registry runs on: how a JDBC URL becomes a data source,
 * which jOOQ dialect renders the (otherwise shared) queries, and how a driver reports a broken
 * constraint, how a transaction starts, and which failures are worth running a transaction again.
 */
interface DatabaseVendor {

  /** The kinds of constraint whose violation the repositories turn into domain conflicts. */
  enum ConstraintKind {
    PRIMARY_KEY,
    UNIQUE,
    FOREIGN_KEY
  }

  /** A data source and whatever must be released with it. */
  record OpenedDataSource(DataSource dataSource, AutoCloseable resources) {
    public OpenedDataSource {
      Objects.requireNonNull(dataSource, "dataSource");
      Objects.requireNonNull(resources, "resources");
    }
  }

  SQLDialect dialect();

  /** Opens the database at {@code jdbcUrl}, creating what the driver needs to find it. */
  OpenedDataSource open(String jdbcUrl);

  /**
   * Which constraint {@code failure} (or one of its causes) reports broken, if any. The default
   * reads the standard SQLSTATE codes, which PostgreSQL reports; drivers without them override.
   */
  default Optional<ConstraintKind> constraintViolation(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException e && e.getSQLState() != null) {
        switch (e.getSQLState()) {
          case "23505":
            return Optional.of(ConstraintKind.UNIQUE);
          case "23503":
            return Optional.of(ConstraintKind.FOREIGN_KEY);
          default:
            break;
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Runs first in every outermost transaction, on its connection; nothing by default.
   *
   * @param dsl bound to the transaction's connection
   */
  default void startTransaction(org.jooq.DSLContext dsl) {}

  /**
   * Whether {@code failure} (or one of its causes) says the transaction lost a race the database
   * detected, so that running it again from the start may succeed; never by default.
   */
  default boolean isRetryable(Throwable failure) {
    return false;
  }

  /**
   * The vendor that handles {@code jdbcUrl}.
   *
   * @throws IllegalArgumentException when no supported database uses such URLs
   */
  static DatabaseVendor forUrl(String jdbcUrl, DatabaseOptions options) {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    if (jdbcUrl.startsWith(SqliteVendor.URL_PREFIX)) {
      return new SqliteVendor();
    }
    if (jdbcUrl.startsWith(PostgresVendor.URL_PREFIX)) {
      return new PostgresVendor(options);
    }
    // Only the scheme is echoed: the rest of a URL may carry credentials.
    int schemeEnd = jdbcUrl.indexOf(':', "jdbc:".length());
    String scheme = schemeEnd < 0 ? jdbcUrl : jdbcUrl.substring(0, schemeEnd + 1);
    throw new IllegalArgumentException(
        "unsupported JDBC URL '"
            + scheme
            + "...'; supported: "
            + SqliteVendor.URL_PREFIX
            + "<file> and "
            + PostgresVendor.URL_PREFIX
            + "//<host>[:<port>]/<database>");
  }
}
