package org.modelregistry.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.modelregistry.bench.ListLatencyOptions.Kind;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.ports.paging.PageCursor;

/**
 * The databases' plans for the statements a model list runs ({@code --explain}): the count of the
 * matches and the page, written as the persistence adapter's {@code Listing} writes them. SQLite
 * shows {@code EXPLAIN QUERY PLAN}; PostgreSQL {@code EXPLAIN (ANALYZE, BUFFERS)}, which runs the
 * statement once.
 */
final class QueryPlans {

  private static final String SCOPE = "(account_id IN (?) OR created_by_user_id = ?)";
  private static final String AFTER = "(created_at > ? OR (created_at = ? AND id > ?))";
  private static final String PAGE = " ORDER BY created_at ASC, id ASC LIMIT ? OFFSET ?";

  private QueryPlans() {}

  static void print(
      Connection connection,
      Kind kind,
      int pageSize,
      long deep,
      Optional<PageCursor> cursor,
      long deepScoped,
      Optional<PageCursor> scopedCursor,
      Caller member)
      throws SQLException {
    String account = member.accounts().iterator().next();
    String user = member.actor().orElseThrow().userId();
    List<Object> scope = List.of(account, user);

    explain(
        connection, kind, "count, everything", "SELECT count(*) FROM model_instance", List.of());
    explain(
        connection,
        kind,
        "first page, everything",
        "SELECT * FROM model_instance" + PAGE,
        List.of(pageSize + 1, 0));
    cursor.ifPresent(
        c ->
            explainUnchecked(
                connection,
                kind,
                "page by cursor, everything",
                "SELECT * FROM model_instance WHERE " + AFTER + PAGE,
                concat(after(c), List.of(pageSize + 1, 0))));
    cursor.ifPresent(
        c -> {
          // Two spellings of the same position that the databases can use as an index range.
          explainUnchecked(
              connection,
              kind,
              "page by cursor, everything, with a created_at bound added",
              "SELECT * FROM model_instance WHERE created_at >= ? AND " + AFTER + PAGE,
              concat(
                  List.of(ModelLoader.micros(c.createdAt())),
                  concat(after(c), List.of(pageSize + 1, 0))));
          explainUnchecked(
              connection,
              kind,
              "page by cursor, everything, as a row-value comparison",
              "SELECT * FROM model_instance WHERE (created_at, id) > (?, ?)" + PAGE,
              List.of(ModelLoader.micros(c.createdAt()), c.id(), pageSize + 1, 0));
        });
    explain(
        connection,
        kind,
        "page by offset " + deep + ", everything",
        "SELECT * FROM model_instance" + PAGE,
        List.of(pageSize + 1, deep));
    explain(
        connection,
        kind,
        "count, member",
        "SELECT count(*) FROM model_instance WHERE " + SCOPE,
        scope);
    explain(
        connection,
        kind,
        "first page, member",
        "SELECT * FROM model_instance WHERE " + SCOPE + PAGE,
        concat(scope, List.of(pageSize + 1, 0)));
    scopedCursor.ifPresent(
        c ->
            explainUnchecked(
                connection,
                kind,
                "page by cursor, member",
                "SELECT * FROM model_instance WHERE " + SCOPE + " AND " + AFTER + PAGE,
                concat(concat(scope, after(c)), List.of(pageSize + 1, 0))));
    explain(
        connection,
        kind,
        "page by offset " + deepScoped + ", member",
        "SELECT * FROM model_instance WHERE " + SCOPE + PAGE,
        concat(scope, List.of(pageSize + 1, deepScoped)));
  }

  private static List<Object> after(PageCursor cursor) {
    long micros = ModelLoader.micros(cursor.createdAt());
    return List.of(micros, micros, cursor.id());
  }

  private static List<Object> concat(List<Object> a, List<Object> b) {
    var all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static void explainUnchecked(
      Connection connection, Kind kind, String title, String sql, List<Object> parameters) {
    try {
      explain(connection, kind, title, sql, parameters);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot explain " + sql, e);
    }
  }

  private static void explain(
      Connection connection, Kind kind, String title, String sql, List<Object> parameters)
      throws SQLException {
    String prefix =
        kind == Kind.SQLITE ? "EXPLAIN QUERY PLAN " : "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ";
    System.out.println();
    System.out.println("  -- " + title + ": " + sql);
    try (PreparedStatement statement = connection.prepareStatement(prefix + sql)) {
      for (int i = 0; i < parameters.size(); i++) {
        statement.setObject(i + 1, parameters.get(i));
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          // SQLite: id, parent, notused, detail; PostgreSQL: one line of text.
          String line = kind == Kind.SQLITE ? rows.getString("detail") : rows.getString(1);
          System.out.println("     " + line);
        }
      }
    }
  }
}
