package org.modelregistry.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.modelregistry.adapter.persistence.Database;
import org.modelregistry.bench.ListLatencyOptions.Kind;
import org.modelregistry.bench.ListLatencyOptions.Loader;
import org.modelregistry.domain.model.Model;
import org.modelregistry.domain.template.ModelType;

/**
 * Puts the benchmark's models into a database, and checks that a database holds them.
 *
 * <p>The repository inserts one model per call: it checks the name and the id first, then inserts,
 * in a transaction of its own (a savepoint inside the caller's). That is a handful of statements
 * per model, too slow for a million (see bench/README.md for the rates), so the default route is
 * SQL: multi-row {@code INSERT} statements over plain JDBC, 500 rows each, 10,000 rows per
 * transaction. Its rows are the repository's own: for each model type one prototype model is
 * inserted through the repository, its row read back and deleted, and every generated row copies
 * the prototype's columns (the JSON documents: request and response schema and the empty ones)
 * except those that differ per model (id, account, name, display name, description, vendor,
 * creation time, creator), which are set from a model built by {@code Model.create} exactly as the
 * repository's mapper sets them. {@link #verify} then reads models back through the repository and
 * compares them with the generated ones.
 */
final class ModelLoader {

  static final int ROWS_PER_TRANSACTION = 10_000;
  private static final int ROWS_PER_STATEMENT = 500;
  private static final String TABLE = "model_instance";

  /** The columns that differ per model; all others are copied from the type's prototype row. */
  private static final List<String> PER_MODEL_COLUMNS =
      List.of(
          "id",
          "account_id",
          "name",
          "display_name",
          "description",
          "model_vendor",
          "model_type",
          "created_at",
          "created_by_user_id",
          "created_by_identity_type");

  private ModelLoader() {}

  /** How many models the table holds. */
  static long count(BenchTarget target) throws SQLException {
    try (Connection connection = target.connect();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + TABLE)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /**
   * Whether the repository reads back exactly the generated models at the first, the last, the
   * middle and 50 random positions; the first difference is described in the exception.
   *
   * @throws IllegalStateException when a model is missing or differs
   */
  static void verify(Database database, BenchModels data, int n) {
    var random = new SplittableRandom(7);
    List<Long> positions = new ArrayList<>(List.of(0L, (long) n - 1, (long) n / 2));
    for (int k = 0; k < 50; k++) {
      positions.add((long) random.nextInt(n));
    }
    for (long i : positions) {
      Model expected = data.model(i);
      Optional<Model> found = database.models().findById(expected.id());
      if (found.isEmpty()) {
        throw new IllegalStateException("model " + i + " (" + expected.id() + ") is missing");
      }
      if (!found.get().equals(expected)) {
        throw new IllegalStateException(
            "model "
                + i
                + " reads back differently: expected "
                + describe(expected)
                + ", found "
                + describe(found.get()));
      }
    }
  }

  private static String describe(Model m) {
    return m.id()
        + " "
        + m.definition()
        + " created "
        + m.createdAt()
        + " by "
        + m.createdBy()
        + " request schema "
        + m.requestSchema();
  }

  /** Inserts models 0 to n-1 into an empty table, printing progress; returns the elapsed nanos. */
  static long load(Loader loader, Database database, BenchTarget target, BenchModels data, int n)
      throws SQLException {
    long started = System.nanoTime();
    switch (loader) {
      case SQL -> loadWithSql(database, target, data, n, started);
      case REPOSITORY -> loadThroughRepository(database, data, n, started);
    }
    try (Connection connection = target.connect();
        Statement statement = connection.createStatement()) {
      if (target.kind() == Kind.POSTGRES) {
        // What autovacuum would do soon after: statistics for the planner and the visibility map
        // that lets count(*) use an index-only scan. A registry under steady use has both.
        statement.execute("VACUUM ANALYZE " + TABLE);
      } else {
        // Moves the loaded pages from the WAL into the database file.
        statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
      }
    }
    return System.nanoTime() - started;
  }

  private static void loadThroughRepository(
      Database database, BenchModels data, int n, long started) {
    var models = database.models();
    for (int from = 0; from < n; from += ROWS_PER_TRANSACTION) {
      int first = from;
      int end = Math.min(n, from + ROWS_PER_TRANSACTION);
      database
          .transactions()
          .inTransaction(
              () -> {
                for (long i = first; i < end; i++) {
                  models.insert(data.model(i));
                }
                return null;
              });
      progress(end, n, started);
    }
  }

  private static void loadWithSql(
      Database database, BenchTarget target, BenchModels data, int n, long started)
      throws SQLException {
    try (Connection connection = target.connect()) {
      Prototypes prototypes = Prototypes.read(database, connection);
      if (target.kind() == Kind.SQLITE) {
        try (Statement statement = connection.createStatement()) {
          // A crash mid-load leaves fewer rows, which the next run notices and loads again.
          statement.execute("PRAGMA synchronous = OFF");
          statement.execute("PRAGMA cache_size = -262144");
        }
      } else {
        try (Statement statement = connection.createStatement()) {
          statement.execute("SET synchronous_commit = off");
        }
      }
      connection.setAutoCommit(false);
      List<String> columns = prototypes.columns();
      PreparedStatement full = connection.prepareStatement(insert(columns, ROWS_PER_STATEMENT));
      try (full) {
        long i = 0;
        while (i < n) {
          int rows = (int) Math.min(ROWS_PER_STATEMENT, n - i);
          if (rows == ROWS_PER_STATEMENT) {
            bind(full, prototypes, data, i, rows);
            full.executeUpdate();
          } else {
            try (PreparedStatement tail = connection.prepareStatement(insert(columns, rows))) {
              bind(tail, prototypes, data, i, rows);
              tail.executeUpdate();
            }
          }
          i += rows;
          if (i % ROWS_PER_TRANSACTION == 0 || i == n) {
            connection.commit();
            progress(i, n, started);
          }
        }
      }
      connection.setAutoCommit(true);
    }
  }

  private static String insert(List<String> columns, int rows) {
    String row = "(" + String.join(",", columns.stream().map(c -> "?").toList()) + ")";
    var sql = new StringBuilder("INSERT INTO ").append(TABLE).append(" (");
    sql.append(String.join(",", columns)).append(") VALUES ");
    for (int r = 0; r < rows; r++) {
      sql.append(r == 0 ? "" : ",").append(row);
    }
    return sql.toString();
  }

  private static void bind(
      PreparedStatement statement, Prototypes prototypes, BenchModels data, long from, int rows)
      throws SQLException {
    List<String> columns = prototypes.columns();
    int parameter = 1;
    for (long i = from; i < from + rows; i++) {
      Model model = data.model(i);
      Object[] prototype = prototypes.row(model.definition().modelType());
      for (int c = 0; c < columns.size(); c++) {
        Object value =
            switch (columns.get(c)) {
              case "id" -> model.id();
              case "account_id" -> model.accountId();
              case "name" -> model.definition().name().value();
              case "display_name" -> model.definition().displayName();
              case "description" -> model.definition().description();
              case "model_vendor" -> model.definition().modelVendor().name();
              case "model_type" -> model.definition().modelType().name();
              case "created_at" -> micros(model.createdAt());
              case "created_by_user_id" -> model.createdBy().userId();
              case "created_by_identity_type" -> model.createdBy().identityType().wireValue();
              default -> prototype[c];
            };
        if (value == null) {
          statement.setNull(parameter++, Types.VARCHAR);
        } else {
          statement.setObject(parameter++, value);
        }
      }
    }
  }

  /** What the persistence adapter stores as a creation time: microseconds since the epoch. */
  static long micros(Instant instant) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
  }

  private static void progress(long done, long n, long started) {
    long step =
        Math.max(ROWS_PER_TRANSACTION, n / 10 / ROWS_PER_TRANSACTION * ROWS_PER_TRANSACTION);
    if (done % step == 0 || done == n) {
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "  %,d / %,d models, %.1f s, %,.0f models/s%n",
          done,
          n,
          seconds,
          done / seconds);
    }
  }

  /** One row per model type as the repository wrote it, and the table's columns. */
  private record Prototypes(List<String> columns, Map<ModelType, Object[]> rows) {

    Object[] row(ModelType type) {
      return rows.get(type);
    }

    /** Inserts, reads back and deletes one prototype model per type through the repository. */
    static Prototypes read(Database database, Connection connection) throws SQLException {
      List<String> columns = null;
      Map<ModelType, Object[]> rows = new EnumMap<>(ModelType.class);
      for (ModelType type : ModelType.values()) {
        Model prototype = BenchModels.prototype(type);
        database.models().insert(prototype);
        try (PreparedStatement select =
            connection.prepareStatement("SELECT * FROM " + TABLE + " WHERE id = ?")) {
          select.setString(1, prototype.id());
          try (ResultSet row = select.executeQuery()) {
            if (!row.next()) {
              throw new IllegalStateException("the prototype row of " + type + " is missing");
            }
            ResultSetMetaData meta = row.getMetaData();
            List<String> names = new ArrayList<>();
            Object[] values = new Object[meta.getColumnCount()];
            for (int c = 1; c <= meta.getColumnCount(); c++) {
              names.add(meta.getColumnName(c).toLowerCase(Locale.ROOT));
              values[c - 1] = row.getObject(c);
            }
            if (columns == null) {
              columns = List.copyOf(names);
              if (!columns.containsAll(PER_MODEL_COLUMNS)) {
                throw new IllegalStateException(
                    "the model table has other columns than the loader knows: " + columns);
              }
            }
            rows.put(type, values);
          }
        } finally {
          database.models().delete(prototype.id());
        }
      }
      return new Prototypes(columns, rows);
    }
  }
}
