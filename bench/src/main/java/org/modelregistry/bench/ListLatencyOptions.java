package org.modelregistry.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.modelregistry.ports.paging.PageRequest;

/**
 * Flags of the list latency benchmark.
 *
 * @param databases the databases to measure, in this order
 * @param models how many models each database holds
 * @param jdbcUrl an external PostgreSQL to use instead of an embedded one
 * @param samples measured calls per operation
 * @param warmup unmeasured calls per operation before the measured ones
 * @param pageSize models per listed page
 * @param dataDir where the SQLite files and the embedded PostgreSQL's data folder are kept, so that
 *     a later run with the same number of models reuses them
 * @param accounts over how many accounts the models are spread
 * @param users how many users created them
 * @param loader how missing models are inserted
 * @param explain whether to print the databases' plans for the listing queries
 */
record ListLatencyOptions(
    List<Kind> databases,
    int models,
    Optional<String> jdbcUrl,
    int samples,
    int warmup,
    int pageSize,
    Path dataDir,
    int accounts,
    int users,
    Loader loader,
    boolean explain) {

  /** A database the benchmark runs on. */
  enum Kind {
    SQLITE("SQLite"),
    POSTGRES("PostgreSQL");

    private final String title;

    Kind(String title) {
      this.title = title;
    }

    String title() {
      return title;
    }
  }

  /** How the models are inserted. */
  enum Loader {
    /** Multi-row INSERT statements over plain JDBC, 10,000 rows per transaction (the default). */
    SQL,
    /** {@code ModelRepository.insert}, one model at a time, 10,000 per transaction. */
    REPOSITORY
  }

  static final String USAGE =
      """
      Usage: java -jar registry-bench.jar list [flags]

        --database D      sqlite, postgres or both (default both)
        --models N        models in each database (default 1000000)
        --jdbc-url URL    an external PostgreSQL (jdbc:postgresql://host/db?user=..&password=..)
                          instead of an embedded one; it must hold no models or exactly the
                          benchmark's N models (a previous run), and is never emptied
        --samples N       measured calls per operation (default 200)
        --warmup N        unmeasured calls per operation before them (default 20)
        --page-size N     models per page (default 100)
        --data-dir DIR    where the SQLite files and the embedded PostgreSQL live between runs
                          (default: java.io.tmpdir/registry-bench-list); a database that already
                          holds the N models is reused, another one is loaded afresh
        --accounts N      accounts the models are spread over (default 100)
        --users N         users who created them (default 1000)
        --loader L        sql (multi-row INSERTs over JDBC, default) or repository
                          (ModelRepository.insert, one model at a time); both 10,000 per transaction
        --explain         also print the databases' query plans for the listing queries
      """;

  ListLatencyOptions {
    databases = List.copyOf(databases);
    if (models < 1) {
      throw new IllegalArgumentException("--models must be positive");
    }
    if (pageSize > PageRequest.MAX_LIMIT) {
      throw new IllegalArgumentException(
          "--page-size must be at most " + PageRequest.MAX_LIMIT + ", the registry's limit");
    }
    if (jdbcUrl.isPresent() && !jdbcUrl.get().startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("--jdbc-url must be a jdbc:postgresql: URL");
    }
    if (jdbcUrl.isPresent() && !databases.contains(Kind.POSTGRES)) {
      throw new IllegalArgumentException("--jdbc-url needs --database postgres or both");
    }
  }

  /**
   * Parses {@code --flag value} arguments.
   *
   * @throws IllegalArgumentException naming the flag that is unknown or malformed
   */
  static ListLatencyOptions parse(String[] args) {
    List<Kind> databases = List.of(Kind.SQLITE, Kind.POSTGRES);
    int models = 1_000_000;
    Optional<String> jdbcUrl = Optional.empty();
    int samples = 200;
    int warmup = 20;
    int pageSize = 100;
    Path dataDir = Path.of(System.getProperty("java.io.tmpdir"), "registry-bench-list");
    int accounts = 100;
    int users = 1000;
    Loader loader = Loader.SQL;
    boolean explain = false;
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      switch (flag) {
        case "--database" ->
            databases =
                switch (value(args, i++)) {
                  case "sqlite" -> List.of(Kind.SQLITE);
                  case "postgres", "postgresql" -> List.of(Kind.POSTGRES);
                  case "both" -> List.of(Kind.SQLITE, Kind.POSTGRES);
                  default ->
                      throw new IllegalArgumentException(
                          "--database is sqlite, postgres or both, not '" + args[i] + "'");
                };
        case "--models" -> models = positive(flag, value(args, i++));
        case "--jdbc-url" -> jdbcUrl = Optional.of(value(args, i++));
        case "--samples" -> samples = positive(flag, value(args, i++));
        case "--warmup" -> warmup = nonNegative(flag, value(args, i++));
        case "--page-size" -> pageSize = positive(flag, value(args, i++));
        case "--data-dir" -> dataDir = Path.of(value(args, i++));
        case "--accounts" -> accounts = positive(flag, value(args, i++));
        case "--users" -> users = positive(flag, value(args, i++));
        case "--loader" ->
            loader =
                switch (value(args, i++)) {
                  case "sql" -> Loader.SQL;
                  case "repository" -> Loader.REPOSITORY;
                  default ->
                      throw new IllegalArgumentException(
                          "--loader is sql or repository, not '" + args[i] + "'");
                };
        case "--explain" -> explain = true;
        default -> throw new IllegalArgumentException("Unknown flag '" + flag + "'");
      }
    }
    return new ListLatencyOptions(
        databases, models, jdbcUrl, samples, warmup, pageSize, dataDir, accounts, users, loader,
        explain);
  }

  private static String value(String[] args, int flagIndex) {
    if (flagIndex + 1 >= args.length) {
      throw new IllegalArgumentException(args[flagIndex] + " needs a value");
    }
    return args[flagIndex + 1];
  }

  private static int positive(String flag, String raw) {
    return atLeast(flag, raw, 1);
  }

  private static int nonNegative(String flag, String raw) {
    return atLeast(flag, raw, 0);
  }

  private static int atLeast(String flag, String raw, int min) {
    try {
      // Underscores are allowed, as in Java literals: --models 1_000_000.
      int value = Integer.parseInt(raw.replace("_", ""));
      if (value >= min) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        flag + " needs an integer of at least " + min + ", not '" + raw + "'");
  }
}
