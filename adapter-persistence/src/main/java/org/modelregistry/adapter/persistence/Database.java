package org.modelregistry.adapter.persistence;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.ThreadLocalTransactionProvider;
import org.modelregistry.ports.out.ApiKeyRepository;
import org.modelregistry.ports.out.AuditLog;
import org.modelregistry.ports.out.DependencyCheck;
import org.modelregistry.ports.out.FilesetRepository;
import org.modelregistry.ports.out.IdentityRepository;
import org.modelregistry.ports.out.ImportLeases;
import org.modelregistry.ports.out.ModelEntityRepository;
import org.modelregistry.ports.out.ModelRepository;
import org.modelregistry.ports.out.RegisteredModelRepository;
import org.modelregistry.ports.out.RegistryRepositories;
import org.modelregistry.ports.out.TemplateRepository;
import org.modelregistry.ports.out.TransactionRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's relational database: opened from a JDBC URL, migrated to the current schema, and
 * the source of the persistence ports. Open one per process and close it on shutdown.
 *
 * <pre>{@code
 * try (Database database = Database.open("jdbc:sqlite:/var/lib/registry/registry.db")) {
 *   Registry registry = Registry.builder().repositories(database.repositories())...build();
 *   ...
 * }
 * }</pre>
 */
public final class Database implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Database.class);
  private static final String MIGRATIONS = "classpath:db/migration";

  static {
    // jOOQ prints a banner and tips at INFO on first use; a server's log has no room for them.
    if (System.getProperty("org.jooq.no-logo") == null) {
      System.setProperty("org.jooq.no-logo", "true");
    }
    if (System.getProperty("org.jooq.no-tips") == null) {
      System.setProperty("org.jooq.no-tips", "true");
    }
  }

  private final DatabaseVendor.OpenedDataSource opened;
  private final DSLContext dsl;
  private final TransactionRunner transactions;
  private final TemplateRepository templates;
  private final ModelRepository models;
  private final RegisteredModelRepository registeredModels;
  private final ModelEntityRepository modelEntities;
  private final FilesetRepository filesets;
  private final IdentityRepository identities;
  private final ApiKeyRepository apiKeys;
  private final AuditLog auditLog;
  private final ImportLeases importLeases;
  private final DependencyCheck readiness;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Database(
      DatabaseVendor vendor, DatabaseVendor.OpenedDataSource opened, MigrationVersion schema) {
    this.opened = opened;
    // Repositories reach the transaction's connection through the thread-local provider, so a
    // service's inTransaction spans every repository call it makes on that thread.
    var transactionProvider =
        new ThreadLocalTransactionProvider(
            new OpenGuard(new DataSourceConnectionProvider(opened.dataSource())), true);
    var configuration = new DefaultConfiguration().set(vendor.dialect()).set(transactionProvider);
    this.dsl = DSL.using(configuration);
    var json = new JsonDocuments();
    this.transactions = new JooqTransactionRunner(dsl, vendor);
    this.templates =
        new JooqTemplateRepository(dsl, transactions, vendor, new TemplateRecordMapper(json));
    this.models = new JooqModelRepository(dsl, transactions, vendor, new ModelRecordMapper(json));
    this.registeredModels =
        new JooqRegisteredModelRepository(
            dsl, transactions, vendor, new RegisteredModelRecordMapper(json));
    this.modelEntities =
        new JooqModelEntityRepository(dsl, transactions, vendor, new ModelEntityRecordMapper(json));
    this.filesets =
        new JooqFilesetRepository(dsl, transactions, vendor, new FilesetRecordMapper(json));
    this.identities = new JooqIdentityRepository(dsl, transactions, vendor);
    this.apiKeys = new JooqApiKeyRepository(dsl, vendor);
    this.auditLog = new JooqAuditLog(dsl, transactions, vendor);
    this.importLeases = new JooqImportLeases(dsl);
    this.readiness = new DatabaseReadiness(dsl, schema);
  }

  /**
   * Opens the database at {@code jdbcUrl} with the default options and migrates it to the current
   * schema. For SQLite ({@code jdbc:sqlite:/path/registry.db}) the file and its directory are
   * created when missing; PostgreSQL ({@code jdbc:postgresql://host/db?user=..}) must exist.
   *
   * @throws IllegalArgumentException when the URL names no supported database, or an in-memory one
   * @throws org.flywaydb.core.api.FlywayException when the schema cannot be migrated
   */
  public static Database open(String jdbcUrl) {
    return open(jdbcUrl, DatabaseOptions.DEFAULTS);
  }

  /**
   * Opens the database at {@code jdbcUrl} with {@code options} (a server database's login and pool;
   * SQLite ignores them) and migrates it to the current schema. Several registry nodes may open the
   * same PostgreSQL database at once: migrations take Flyway's lock.
   *
   * @throws IllegalArgumentException when the URL names no supported database, or an in-memory one
   * @throws IllegalStateException when the database cannot be reached
   * @throws org.flywaydb.core.api.FlywayException when the schema cannot be migrated
   */
  public static Database open(String jdbcUrl, DatabaseOptions options) {
    DatabaseVendor vendor = DatabaseVendor.forUrl(jdbcUrl, options);
    DatabaseVendor.OpenedDataSource opened = vendor.open(jdbcUrl);
    try {
      MigrationVersion schema = migrate(opened.dataSource());
      return new Database(vendor, opened, schema);
    } catch (RuntimeException e) {
      closeQuietly(opened, e);
      throw e;
    }
  }

  /** Migrates the schema; returns the version this code's migrations bring it to. */
  private static MigrationVersion migrate(DataSource dataSource) {
    Flyway flyway =
        Flyway.configure(Database.class.getClassLoader())
            .dataSource(dataSource)
            .locations(MIGRATIONS)
            .failOnMissingLocations(true)
            .load();
    MigrateResult result = flyway.migrate();
    if (result.migrationsExecuted > 0) {
      LOG.info(
          "migrated the registry schema to version {} ({} migration(s))",
          result.targetSchemaVersion,
          result.migrationsExecuted);
    }
    return Arrays.stream(flyway.info().all())
        .map(MigrationInfo::getVersion)
        .filter(Objects::nonNull)
        .max(Comparator.naturalOrder())
        .orElseThrow(() -> new IllegalStateException("no schema migration found"));
  }

  /** Stores templates; safe for concurrent use. */
  public TemplateRepository templates() {
    return templates;
  }

  /** Stores models; safe for concurrent use. */
  public ModelRepository models() {
    return models;
  }

  /**
   * Stores registered model versions with their files' import state; safe for concurrent use.
   * Read-modify-write sequences (an import step, a metadata update) run in {@link #transactions()}.
   */
  public RegisteredModelRepository registeredModels() {
    return registeredModels;
  }

  /**
   * Stores workspace model entities with their adapters; safe for concurrent use. Read-modify-write
   * sequences (adding an adapter, a patch) run in {@link #transactions()}.
   */
  public ModelEntityRepository modelEntities() {
    return modelEntities;
  }

  /** Stores workspace filesets (their description and storage, not their files). */
  public FilesetRepository filesets() {
    return filesets;
  }

  /** Stores identities (users and service accounts); safe for concurrent use. */
  public IdentityRepository identities() {
    return identities;
  }

  /** Stores API key records (hashes, never keys); safe for concurrent use. */
  public ApiKeyRepository apiKeys() {
    return apiKeys;
  }

  /** Stores the audit trail of mutations; safe for concurrent use. */
  public AuditLog auditLog() {
    return auditLog;
  }

  /** Which node imports which IMPORTING version; shared by every node on this database. */
  public ImportLeases importLeases() {
    return importLeases;
  }

  /** Runs work atomically across every repository of this database. */
  public TransactionRunner transactions() {
    return transactions;
  }

  /**
   * The connection pool's use now; empty for SQLite, which opens a connection per call and has no
   * pool.
   */
  public Optional<ConnectionPoolStatistics> poolStatistics() {
    if (!(opened.dataSource() instanceof HikariDataSource pool)
        || pool.getHikariPoolMXBean() == null) {
      return Optional.empty();
    }
    HikariPoolMXBean bean = pool.getHikariPoolMXBean();
    return Optional.of(
        new ConnectionPoolStatistics(
            bean.getActiveConnections(),
            bean.getIdleConnections(),
            bean.getThreadsAwaitingConnection(),
            pool.getMaximumPoolSize()));
  }

  /**
   * Checks that the database answers and holds the schema this code needs (for readiness probes):
   * one query, on a pooled connection.
   */
  public DependencyCheck readinessCheck() {
    return readiness;
  }

  /**
   * Every repository of this database with its transactions, in one piece: what {@code
   * org.modelregistry.application.Registry} is built on.
   */
  public RegistryRepositories repositories() {
    return new RegistryRepositories(
        templates,
        models,
        registeredModels,
        importLeases,
        modelEntities,
        filesets,
        identities,
        apiKeys,
        auditLog,
        transactions);
  }

  /** For tests of this adapter: queries outside the ports, such as the connection settings. */
  DSLContext dsl() {
    return dsl;
  }

  /** Releases the database; the ports fail with IllegalStateException afterwards. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      try {
        opened.resources().close();
      } catch (Exception e) {
        LOG.warn("closing the registry database failed", e);
      }
    }
  }

  private static void closeQuietly(DatabaseVendor.OpenedDataSource opened, Exception cause) {
    try {
      opened.resources().close();
    } catch (Exception e) {
      cause.addSuppressed(e);
    }
  }

  /** Refuses connections once the database is closed, instead of quietly reopening the file. */
  private final class OpenGuard implements ConnectionProvider {
    private final ConnectionProvider delegate;

    OpenGuard(ConnectionProvider delegate) {
      this.delegate = delegate;
    }

    @Override
    public Connection acquire() {
      if (closed.get()) {
        throw new IllegalStateException("the registry database is closed");
      }
      return delegate.acquire();
    }

    @Override
    public void release(Connection connection) {
      delegate.release(connection);
    }
  }
}
