package org.modelregistry.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.modelregistry.adapter.persistence.Database;
import org.modelregistry.bench.ListLatencyOptions.Kind;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.model.Model;
import org.modelregistry.ports.in.ModelQuery;
import org.modelregistry.ports.out.ModelRepository;
import org.modelregistry.ports.paging.Page;
import org.modelregistry.ports.paging.PageCursor;
import org.modelregistry.ports.paging.PageRequest;

/**
 * List and get latency with many models: a database holding N models (a million by default), then
 * the latency of getting a model by id, of listing the first page, and of listing a page in the
 * middle of the list, reached once by keyset cursor and once by page number (offset); the same
 * lists for a plain member of one account, whose lists carry the account scope. Calls go through
 * the persistence adapter's {@code ModelRepository}, the port every API uses, on SQLite and on
 * PostgreSQL, one call at a time on one thread.
 */
public final class ListLatencyBenchmark {

  private final ListLatencyOptions options;
  private final BenchModels data;

  private ListLatencyBenchmark(ListLatencyOptions options) {
    this.options = options;
    this.data = new BenchModels(options.accounts(), options.users());
  }

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
      System.out.print(ListLatencyOptions.USAGE);
      return;
    }
    ListLatencyOptions options;
    try {
      options = ListLatencyOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(ListLatencyOptions.USAGE);
      System.exit(2);
      return;
    }
    new ListLatencyBenchmark(options).run();
  }

  /** What one database measured. */
  private record Report(String title, String where, String load, List<Latency> rows) {}

  private void run() throws Exception {
    List<Report> reports = new ArrayList<>();
    for (Kind kind : options.databases()) {
      try (BenchTarget target = open(kind)) {
        System.out.printf(Locale.ROOT, "%n== %s: %s%n", kind.title(), target.where());
        Report report = runOn(target);
        print(report);
        reports.add(report);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%nList latency benchmark: %,d models over %d accounts and %d users, page size %d,"
            + " %d samples per operation after %d warm-up calls, one thread; %d CPUs, Java %s,"
            + " max heap %d MiB%n",
        options.models(),
        options.accounts(),
        options.users(),
        options.pageSize(),
        options.samples(),
        options.warmup(),
        Runtime.getRuntime().availableProcessors(),
        Runtime.version(),
        Runtime.getRuntime().maxMemory() >> 20);
    for (Report report : reports) {
      print(report);
    }
    System.out.println();
    System.out.println("As Markdown:");
    for (Report report : reports) {
      System.out.printf(Locale.ROOT, "%n%s (%s)%n%n", report.title(), report.load());
      System.out.println("| operation | p50 ms | p99 ms | max ms | mean ms |");
      System.out.println("|---|---|---|---|---|");
      report.rows().forEach(row -> System.out.println(row.markdownRow()));
    }
  }

  private BenchTarget open(Kind kind) throws Exception {
    String dataSet =
        "models-" + options.models() + "-a" + options.accounts() + "-u" + options.users();
    return switch (kind) {
      case SQLITE -> BenchTarget.sqlite(options.dataDir(), dataSet);
      case POSTGRES ->
          options.jdbcUrl().isPresent()
              ? BenchTarget.externalPostgres(options.jdbcUrl().get())
              : BenchTarget.embeddedPostgres(options.dataDir(), dataSet);
    };
  }

  private Report runOn(BenchTarget target) throws Exception {
    Database database = Database.open(target.jdbcUrl());
    try {
      int n = options.models();
      long count = ModelLoader.count(target);
      String load;
      if (count == n && holdsTheModels(database, n)) {
        load = String.format(Locale.ROOT, "reused: it already held the %,d models", n);
        System.out.println("  " + load);
      } else {
        if (count > 0) {
          if (!target.owned()) {
            throw new IllegalStateException(
                String.format(
                    Locale.ROOT,
                    "%s holds %,d models, not the benchmark's %,d: give an empty database"
                        + " (the benchmark never empties one it does not own)",
                    target.where(),
                    count,
                    n));
          }
          System.out.printf(
              Locale.ROOT, "  holds %,d models, not the %,d wanted: starting afresh%n", count, n);
          database.close();
          target.discard();
          database = Database.open(target.jdbcUrl());
        }
        System.out.printf(
            Locale.ROOT,
            "  loading %,d models (%s, %,d per transaction) ...%n",
            n,
            options.loader().name().toLowerCase(Locale.ROOT),
            ModelLoader.ROWS_PER_TRANSACTION);
        long nanos = ModelLoader.load(options.loader(), database, target, data, n);
        ModelLoader.verify(database, data, n);
        load =
            String.format(
                Locale.ROOT,
                "loaded %,d models in %.1f s, %,.0f models/s, %s route",
                n,
                nanos / 1e9,
                n / (nanos / 1e9),
                options.loader().name().toLowerCase(Locale.ROOT));
        System.out.println("  " + load + "; read back through the repository: OK");
      }
      return new Report(target.kind().title(), target.where(), load, measure(database, target));
    } finally {
      database.close();
    }
  }

  private boolean holdsTheModels(Database database, int n) {
    try {
      ModelLoader.verify(database, data, n);
      return true;
    } catch (IllegalStateException e) {
      System.out.println("  holds other models: " + e.getMessage());
      return false;
    }
  }

  private List<Latency> measure(Database database, BenchTarget target) throws Exception {
    ModelRepository models = database.models();
    int n = options.models();
    int pageSize = options.pageSize();
    Caller admin = BenchModels.admin();
    Caller member = data.member();

    // Where the deep pages start: the middle of the list, on a page boundary so that the page
    // reached by cursor and the page asked for by number are the same rows.
    long deep = (long) n / 2 / pageSize * pageSize;
    long visible = data.visibleToMember(n);
    long deepScoped = visible / 2 / pageSize * pageSize;
    Optional<PageCursor> cursor = walk(models, admin, deep, "everything");
    Optional<PageCursor> scopedCursor = walk(models, member, deepScoped, "the member's models");

    check(models, admin, n, cursor, deep, pageSize);
    check(models, member, visible, scopedCursor, deepScoped, pageSize);

    int warmup = options.warmup();
    int samples = options.samples();
    List<Latency> rows = new ArrayList<>();
    System.out.printf(
        Locale.ROOT, "  measuring (%d warm-up calls, %d samples each) ...%n", warmup, samples);

    var random = new SplittableRandom(42);
    String[] ids = new String[warmup + samples];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = BenchModels.id(random.nextInt(n));
    }
    rows.add(
        timed(
            "get by id (random ids)",
            sample -> {
              if (models.findById(ids[sample]).isEmpty()) {
                throw new IllegalStateException("model " + ids[sample] + " is missing");
              }
            }));

    rows.add(list(models, "list first page", admin, PageRequest.first(pageSize), 0, n));
    cursor.ifPresent(
        c ->
            rows.add(
                list(
                    models,
                    String.format(Locale.ROOT, "list page at %,d by keyset cursor", deep),
                    admin,
                    PageRequest.after(c, pageSize),
                    deep,
                    n)));
    if (deep > 0) {
      rows.add(
          list(
              models,
              String.format(
                  Locale.ROOT, "list page at %,d by offset (page %,d)", deep, deep / pageSize + 1),
              admin,
              byNumber(deep, pageSize),
              deep,
              n));
    }
    rows.add(
        list(
            models,
            String.format(Locale.ROOT, "member: list first page (%,d visible)", visible),
            member,
            PageRequest.first(pageSize),
            0,
            visible));
    scopedCursor.ifPresent(
        c ->
            rows.add(
                list(
                    models,
                    String.format(Locale.ROOT, "member: page at %,d by keyset cursor", deepScoped),
                    member,
                    PageRequest.after(c, pageSize),
                    deepScoped,
                    visible)));
    if (deepScoped > 0) {
      rows.add(
          list(
              models,
              String.format(
                  Locale.ROOT,
                  "member: page at %,d by offset (page %,d)",
                  deepScoped,
                  deepScoped / pageSize + 1),
              member,
              byNumber(deepScoped, pageSize),
              deepScoped,
              visible));
    }

    // Every list call also counts its matches (the page's total); timed alone for comparison.
    try (Connection connection = target.connect()) {
      // The registry's calls each take a connection (SQLite: open a new one); these reuse one.
      rows.add(
          timed(
              "plain SQL: get by id, on an open connection",
              sample -> {
                try (PreparedStatement statement =
                    connection.prepareStatement("SELECT * FROM model_instance WHERE id = ?")) {
                  statement.setString(1, ids[sample]);
                  try (ResultSet found = statement.executeQuery()) {
                    if (!found.next()) {
                      throw new IllegalStateException("model " + ids[sample] + " is missing");
                    }
                  }
                }
              }));
      rows.add(countAlone(connection, "plain SQL: count(*) of all models", false, n));
      rows.add(countAlone(connection, "plain SQL: count(*) of the member's models", true, visible));
      if (cursor.isPresent()) {
        // The page query alone, as the adapter spells the keyset condition and with the bound
        // on created_at that lets the databases start the index scan at the cursor.
        long micros = ModelLoader.micros(cursor.get().createdAt());
        String id = cursor.get().id();
        String order = " ORDER BY created_at ASC, id ASC LIMIT ?";
        rows.add(
            pageAlone(
                connection,
                String.format(
                    Locale.ROOT,
                    "plain SQL: page at %,d, keyset without the created_at >= bound",
                    deep),
                "SELECT * FROM model_instance WHERE (created_at > ? OR (created_at = ? AND id > ?))"
                    + order,
                List.of(micros, micros, id, pageSize + 1),
                (int) Math.min(pageSize + 1, n - deep)));
        rows.add(
            pageAlone(
                connection,
                String.format(
                    Locale.ROOT, "plain SQL: page at %,d, keyset with created_at >= bound", deep),
                "SELECT * FROM model_instance WHERE created_at >= ?"
                    + " AND (created_at > ? OR (created_at = ? AND id > ?))"
                    + order,
                List.of(micros, micros, micros, id, pageSize + 1),
                (int) Math.min(pageSize + 1, n - deep)));
      }
      if (options.explain()) {
        QueryPlans.print(
            connection,
            target.kind(),
            pageSize,
            deep,
            cursor,
            deepScoped,
            scopedCursor,
            data.member());
      }
    }
    return rows;
  }

  /** A list call measured; each call must return the page starting at {@code position}. */
  private Latency list(
      ModelRepository models,
      String operation,
      Caller viewer,
      PageRequest page,
      long position,
      long total) {
    ModelQuery query = query(viewer, page);
    int expected = (int) Math.min(page.limit(), total - position);
    return timed(
        operation,
        sample -> {
          Page<Model> found = models.list(query);
          if (found.items().size() != expected || found.totalItemCount() != total) {
            throw new IllegalStateException(
                operation + ": " + found.items().size() + " of " + found.totalItemCount());
          }
        });
  }

  private Latency countAlone(Connection connection, String operation, boolean scoped, long total) {
    String sql =
        "SELECT count(*) FROM model_instance"
            + (scoped ? " WHERE account_id IN (?) OR created_by_user_id = ?" : "");
    Caller member = data.member();
    return timed(
        operation,
        sample -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (scoped) {
              statement.setString(1, member.accounts().iterator().next());
              statement.setString(2, member.actor().orElseThrow().userId());
            }
            try (ResultSet rows = statement.executeQuery()) {
              rows.next();
              if (rows.getLong(1) != total) {
                throw new IllegalStateException(operation + " counted " + rows.getLong(1));
              }
            }
          }
        });
  }

  private Latency pageAlone(
      Connection connection, String operation, String sql, List<Object> parameters, int expected) {
    return timed(
        operation,
        sample -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
              statement.setObject(i + 1, parameters.get(i));
            }
            int found = 0;
            try (ResultSet rows = statement.executeQuery()) {
              while (rows.next()) {
                found++;
              }
            }
            if (found != expected) {
              throw new IllegalStateException(operation + " found " + found + " rows");
            }
          }
        });
  }

  private Latency timed(String operation, Latency.Call call) {
    try {
      return Latency.measure(operation, options.warmup(), options.samples(), call);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(operation + " failed", e);
    }
  }

  /**
   * Walks {@code viewer}'s list by keyset cursor, in pages of the registry's largest size, to the
   * cursor after the first {@code position} models; empty when the position is 0.
   */
  private static Optional<PageCursor> walk(
      ModelRepository models, Caller viewer, long position, String what) {
    if (position == 0) {
      return Optional.empty();
    }
    long started = System.nanoTime();
    long seen = 0;
    int pages = 0;
    PageRequest page = PageRequest.first((int) Math.min(PageRequest.MAX_LIMIT, position));
    PageCursor cursor = null;
    while (seen < position) {
      Page<Model> found = models.list(query(viewer, page));
      pages++;
      seen += found.items().size();
      cursor =
          found
              .nextCursor()
              .orElseThrow(() -> new IllegalStateException("the list ended early while walking"));
      if (seen < position) {
        page = PageRequest.after(cursor, (int) Math.min(PageRequest.MAX_LIMIT, position - seen));
      }
    }
    System.out.printf(
        Locale.ROOT,
        "  walked %s to position %,d by cursor: %d page(s), %.1f s%n",
        what,
        position,
        pages,
        (System.nanoTime() - started) / 1e9);
    return Optional.of(cursor);
  }

  /**
   * Checks that the lists are what the data set says: the total is right, an administrator's list
   * starts with the first model and its deep page with the model at that position, and the deep
   * page reached by cursor holds the same models as the page asked for by number.
   */
  private static void check(
      ModelRepository models,
      Caller viewer,
      long total,
      Optional<PageCursor> cursor,
      long deep,
      int pageSize) {
    Page<Model> firstPage = models.list(query(viewer, PageRequest.first(pageSize)));
    if (firstPage.totalItemCount() != total) {
      throw new IllegalStateException(
          "the list holds " + firstPage.totalItemCount() + " models, not " + total);
    }
    if (viewer.admin() && !firstPage.items().getFirst().id().equals(BenchModels.id(0))) {
      throw new IllegalStateException("the list does not start with the first model");
    }
    if (cursor.isPresent()) {
      List<String> byCursor =
          ids(models.list(query(viewer, PageRequest.after(cursor.get(), pageSize))));
      List<String> byNumber = ids(models.list(query(viewer, byNumber(deep, pageSize))));
      if (!byCursor.equals(byNumber)) {
        throw new IllegalStateException("the page at " + deep + " differs by cursor and by number");
      }
      if (viewer.admin() && !byCursor.getFirst().equals(BenchModels.id(deep))) {
        throw new IllegalStateException("the page at " + deep + " starts with the wrong model");
      }
    }
  }

  private static List<String> ids(Page<Model> page) {
    return page.items().stream().map(Model::id).toList();
  }

  /** The page, by number, that starts at {@code position} (a multiple of the page size). */
  private static PageRequest byNumber(long position, int pageSize) {
    return new PageRequest((int) (position / pageSize) + 1, pageSize, Optional.empty());
  }

  private static ModelQuery query(Caller viewer, PageRequest page) {
    return new ModelQuery(
        viewer, Optional.empty(), Optional.empty(), Optional.empty(), List.of(), page);
  }

  private static void print(Report report) {
    System.out.printf(
        Locale.ROOT, "%n%s (%s; %s)%n", report.title(), report.where(), report.load());
    System.out.println(Latency.HEADER);
    report.rows().forEach(row -> System.out.println(row.line()));
  }
}
