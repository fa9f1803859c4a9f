package org.modelregistry.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.modelregistry.bench.ListLatencyOptions.Kind;

/**
 * One database the benchmark runs on: an SQLite file or an embedded PostgreSQL database in the data
 * folder (the benchmark's own, emptied when it holds the wrong models), or an external PostgreSQL
 * (never emptied).
 */
final class BenchTarget implements AutoCloseable {

  private final Kind kind;
  private final String jdbcUrl;
  private final String where;
  private final Path sqliteFile;
  private final EmbeddedPostgres server;
  private final String postgresDatabase;

  private BenchTarget(
      Kind kind,
      String jdbcUrl,
      String where,
      Path sqliteFile,
      EmbeddedPostgres server,
      String postgresDatabase) {
    this.kind = kind;
    this.jdbcUrl = jdbcUrl;
    this.where = where;
    this.sqliteFile = sqliteFile;
    this.server = server;
    this.postgresDatabase = postgresDatabase;
  }

  /** The SQLite file of this data set in {@code dataDir}; created when missing. */
  static BenchTarget sqlite(Path dataDir, String dataSet) throws IOException {
    Files.createDirectories(dataDir);
    Path file = dataDir.resolve(dataSet + ".sqlite").toAbsolutePath();
    return new BenchTarget(Kind.SQLITE, "jdbc:sqlite:" + file, file.toString(), file, null, null);
  }

  /**
   * PostgreSQL started from this process, its data folder {@code dataDir/postgres} kept between
   * runs, and the database of this data set in it. Durability is off (no fsync, asynchronous
   * commit): it makes loading faster and changes nothing for the reads measured here.
   */
  static BenchTarget embeddedPostgres(Path dataDir, String dataSet) throws IOException {
    Path folder = dataDir.resolve("postgres").toAbsolutePath();
    Files.createDirectories(folder);
    Path log = dataDir.resolve("postgres.log").toAbsolutePath();
    EmbeddedPostgres server =
        EmbeddedPostgres.builder()
            .setDataDirectory(folder)
            .setCleanDataDirectory(false)
            .setServerConfig("fsync", "off")
            .setServerConfig("synchronous_commit", "off")
            .setServerConfig("full_page_writes", "off")
            .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    String database = dataSet.replace('-', '_').toLowerCase(Locale.ROOT);
    try {
      createDatabaseIfMissing(server, database);
    } catch (SQLException | RuntimeException e) {
      server.close();
      throw new IOException("cannot create the database " + database, e);
    }
    return new BenchTarget(
        Kind.POSTGRES,
        server.getJdbcUrl("postgres", database),
        "embedded PostgreSQL, database " + database + " in " + folder,
        null,
        server,
        database);
  }

  /** A PostgreSQL database the user runs; the benchmark never empties it. */
  static BenchTarget externalPostgres(String jdbcUrl) {
    int query = jdbcUrl.indexOf('?');
    String shown = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    return new BenchTarget(Kind.POSTGRES, jdbcUrl, shown, null, null, null);
  }

  Kind kind() {
    return kind;
  }

  String jdbcUrl() {
    return jdbcUrl;
  }

  /** Where the data is, for the report; without credentials. */
  String where() {
    return where;
  }

  /** Whether the benchmark may empty this database when it holds the wrong models. */
  boolean owned() {
    return sqliteFile != null || server != null;
  }

  /** A plain JDBC connection, outside the registry's pool: for loading and diagnostics. */
  Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl);
  }

  /**
   * Deletes everything in this (owned) database, so that the next {@code Database.open} starts from
   * an empty one. The registry's {@code Database} on it must be closed.
   */
  void discard() throws IOException, SQLException {
    if (sqliteFile != null) {
      for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
        Files.deleteIfExists(Path.of(sqliteFile + suffix));
      }
    } else if (server != null) {
      execute(server, "DROP DATABASE IF EXISTS " + postgresDatabase + " WITH (FORCE)");
      execute(server, "CREATE DATABASE " + postgresDatabase);
    } else {
      throw new IllegalStateException("an external database is never emptied");
    }
  }

  @Override
  public void close() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  private static void createDatabaseIfMissing(EmbeddedPostgres server, String database)
      throws SQLException {
    try (Connection connection = server.getPostgresDatabase().getConnection();
        PreparedStatement exists =
            connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, database);
      try (ResultSet found = exists.executeQuery()) {
        if (found.next()) {
          return;
        }
      }
    }
    execute(server, "CREATE DATABASE " + database);
  }

  private static void execute(EmbeddedPostgres server, String sql) throws SQLException {
    try (Connection connection = server.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
