package org.modelregistry.adapter.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import org.jooq.SQLDialect;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteException;

/** SQLite in a single file, tuned so that concurrent requests wait for each other, not fail. */
final class SqliteVendor implements DatabaseVendor {

  static final String URL_PREFIX = "jdbc:sqlite:";

  /** How long a writer waits for another writer's lock before SQLITE_BUSY. */
  static final int BUSY_TIMEOUT_MILLIS = 10_000;

  @Override
  public SQLDialect dialect() {
    return SQLDialect.SQLITE;
  }

  @Override
  public OpenedDataSource open(String jdbcUrl) {
    Path file = databaseFile(jdbcUrl);
    createParentDirectory(file);

    var config = new SQLiteConfig();
    // WAL lets readers run while one writer writes; the setting is stored in the file.
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    // SQLite checks foreign keys only when asked to, on every connection.
    config.enforceForeignKeys(true);
    // BEGIN IMMEDIATE takes the write lock up front, so two read-then-write transactions queue
    // on the busy timeout; deferred ones would both read, then one would fail with SQLITE_BUSY.
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    var dataSource = new SQLiteDataSource(config);
    dataSource.setUrl(jdbcUrl);

    // Connections are opened per use. One kept open for the database's lifetime stops SQLite from
    // checkpointing and deleting the WAL file each time the last of them closes.
    Connection keepAlive;
    try {
      keepAlive = dataSource.getConnection();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open the SQLite database " + file, e);
    }
    return new OpenedDataSource(dataSource, keepAlive::close);
  }

  /** The file a {@code jdbc:sqlite:} URL names; in-memory databases are refused. */
  static Path databaseFile(String jdbcUrl) {
    String location = jdbcUrl.substring(URL_PREFIX.length());
    int query = location.indexOf('?');
    String options = query < 0 ? "" : location.substring(query + 1);
    String path = query < 0 ? location : location.substring(0, query);
    if (path.startsWith("file:")) {
      path = path.substring("file:".length());
    }
    // Every connection to an in-memory database sees its own empty one, and connections here
    // are opened per use, so data would vanish between calls.
    if (path.isEmpty()
        || path.equals(":memory:")
        || options.toLowerCase(Locale.ROOT).contains("mode=memory")) {
      throw new IllegalArgumentException(
          "the registry needs an SQLite database file, e.g."
              + " jdbc:sqlite:/var/lib/registry/registry.db");
    }
    return Path.of(path);
  }

  private static void createParentDirectory(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      try {
        Files.createDirectories(parent);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create the directory of " + file, e);
      }
    }
  }

  @Override
  public Optional<ConstraintKind> constraintViolation(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLiteException e) {
        switch (e.getResultCode()) {
          case SQLITE_CONSTRAINT_PRIMARYKEY:
            return Optional.of(ConstraintKind.PRIMARY_KEY);
          case SQLITE_CONSTRAINT_UNIQUE:
            return Optional.of(ConstraintKind.UNIQUE);
          case SQLITE_CONSTRAINT_FOREIGNKEY:
            return Optional.of(ConstraintKind.FOREIGN_KEY);
          case SQLITE_CONSTRAINT:
            return fromMessage(e.getMessage());
          default:
            return Optional.empty();
        }
      }
    }
    return DatabaseVendor.super.constraintViolation(failure);
  }

  /** Without extended result codes only SQLite's message tells the constraint kinds apart. */
  private static Optional<ConstraintKind> fromMessage(String message) {
    if (message == null) {
      return Optional.empty();
    }
    if (message.contains("FOREIGN KEY constraint failed")) {
      return Optional.of(ConstraintKind.FOREIGN_KEY);
    }
    if (message.contains("UNIQUE constraint failed")) {
      return Optional.of(ConstraintKind.UNIQUE);
    }
    return Optional.empty();
  }
}
