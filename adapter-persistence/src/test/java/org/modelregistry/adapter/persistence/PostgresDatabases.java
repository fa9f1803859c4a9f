package org.modelregistry.adapter.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * One PostgreSQL 18 server started in-process for the whole test run (no install), and a fresh,
 * migrated database per test: each is copied from a template database migrated once, and dropped
 * when the test closes it.
 */
final class PostgresDatabases {

  private static final String TEMPLATE = "registry_template";
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static EmbeddedPostgres server;

  private PostgresDatabases() {}

  /** The shared server, started on first use and stopped when the JVM exits. */
  static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        // A throwaway server: durability costs time and buys nothing here.
        server =
            EmbeddedPostgres.builder()
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
      }
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      server.close();
                    } catch (IOException e) {
                      // the JVM is exiting; the data folder is temporary
                    }
                  }));
      execute("CREATE DATABASE " + TEMPLATE);
      // Migrated once; every test's database starts as a copy of it.
      Database.open(url(TEMPLATE)).close();
    }
    return server;
  }

  static String url(String database) {
    return server().getJdbcUrl("postgres", database);
  }

  /** A new database, already migrated; its name is also returned by {@link Fresh#name()}. */
  static Fresh fresh() {
    server();
    String name = "registry_" + COUNTER.incrementAndGet();
    // A file copy of the small template is faster than PostgreSQL's default WAL-logged copy.
    execute("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE + " STRATEGY FILE_COPY");
    return new Fresh(name);
  }

  /** Opens a fresh database. */
  static Opened open() {
    Fresh fresh = fresh();
    return new Opened(Database.open(fresh.url()), fresh.name());
  }

  /** A database of its own for one test. */
  record Fresh(String name) {

    String url() {
      return PostgresDatabases.url(name);
    }
  }

  /** An open fresh database; {@link #close()} closes it and drops it. */
  record Opened(Database database, String name) implements AutoCloseable {

    @Override
    public void close() {
      database.close();
      drop(name);
    }
  }

  static void drop(String name) {
    execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private static void execute(String sql) {
    DataSource admin = server.getPostgresDatabase();
    try (Connection connection = admin.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot run '" + sql + "'", e);
    }
  }
}
