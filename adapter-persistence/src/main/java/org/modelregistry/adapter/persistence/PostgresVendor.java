package org.modelregistry.adapter.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.postgresql.util.PSQLException;

/**
 * PostgreSQL through a HikariCP pool, shared by every registry node that names the same database.
 * Transactions are SERIALIZABLE: a read-then-write (a name still free, the last administrator, a
 * fileset nobody uses) holds as it does on SQLite, whose writers take turns. PostgreSQL may then
 * refuse one of two conflicting transactions; {@link JooqTransactionRunner} runs it again. Single
 * statements outside transactions run READ COMMITTED.
 */
final class PostgresVendor implements DatabaseVendor {

  static final String URL_PREFIX = "jdbc:postgresql:";

  /** SQLSTATE of a transaction PostgreSQL refused to serialize, and of a deadlock it broke. */
  static final String SERIALIZATION_FAILURE = "40001";

  static final String DEADLOCK_DETECTED = "40P01";

  private final DatabaseOptions options;

  PostgresVendor(DatabaseOptions options) {
    this.options = options;
  }

  @Override
  public SQLDialect dialect() {
    return SQLDialect.POSTGRES;
  }

  @Override
  public OpenedDataSource open(String jdbcUrl) {
    var config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    options.user().ifPresent(config::setUsername);
    options.password().ifPresent(config::setPassword);
    config.setPoolName("registry");
    config.setMaximumPoolSize(options.maxPoolSize());
    config.setMinimumIdle(Math.min(2, options.maxPoolSize()));
    config.setConnectionTimeout(options.connectionTimeout().toMillis());
    // A statement whose answer never comes (the network partitioned) fails instead of hanging the
    // thread forever; the registry's statements take milliseconds.
    config.addDataSourceProperty("socketTimeout", "60");
    config.addDataSourceProperty("tcpKeepAlive", "true");
    // Single statements run READ COMMITTED (they cannot lose a serialization race); transactions
    // ask for SERIALIZABLE as they start.
    config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    // Fail at startup, with the driver's reason, when the database cannot be reached.
    config.setInitializationFailTimeout(options.connectionTimeout().toMillis());
    var dataSource = new HikariDataSource(config);
    try (Connection probe = dataSource.getConnection()) {
      probe.isValid(1);
    } catch (SQLException e) {
      dataSource.close();
      throw new IllegalStateException("cannot connect to the PostgreSQL database", e);
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
    return new OpenedDataSource(dataSource, dataSource::close);
  }

  @Override
  public void startTransaction(DSLContext dsl) {
    dsl.execute("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE");
  }

  @Override
  public boolean isRetryable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException e
          && (SERIALIZATION_FAILURE.equals(e.getSQLState())
              || DEADLOCK_DETECTED.equals(e.getSQLState()))) {
        return true;
      }
    }
    return false;
  }

  /** PostgreSQL reports primary keys as unique constraints (23505); their names tell them apart. */
  @Override
  public Optional<ConstraintKind> constraintViolation(Throwable failure) {
    Optional<ConstraintKind> kind = DatabaseVendor.super.constraintViolation(failure);
    if (kind.equals(Optional.of(ConstraintKind.UNIQUE))) {
      for (Throwable t = failure; t != null; t = t.getCause()) {
        if (t instanceof PSQLException e
            && e.getServerErrorMessage() != null
            && e.getServerErrorMessage().getConstraint() != null
            && isPrimaryKey(e.getServerErrorMessage().getConstraint())) {
          return Optional.of(ConstraintKind.PRIMARY_KEY);
        }
      }
    }
    return kind;
  }

  /** PostgreSQL's own name ({@code <table>_pkey}) or the migrations' ({@code pk_<table>}). */
  private static boolean isPrimaryKey(String constraint) {
    return constraint.endsWith("_pkey") || constraint.startsWith("pk_");
  }
}
