package org.modelregistry.app;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.ToIntFunction;
import org.modelregistry.adapter.persistence.ConnectionPoolStatistics;
import org.modelregistry.adapter.persistence.Database;
import org.modelregistry.domain.registration.ImportState;
import org.modelregistry.ports.in.operations.ImportStatistics;
import org.modelregistry.ports.in.operations.ReadImportStatisticsUseCase;

/**
 * The meters {@code /metrics} shows besides the HTTP API's own: the JVM (memory, garbage
 * collection, threads, classes, CPU, uptime, open files), this node's imports, and the database
 * connection pool when there is one. Every value is read when scraped; nothing here polls.
 */
final class RegistryMetrics implements AutoCloseable {

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics garbageCollection = new JvmGcMetrics();
  private final RecentImportStatistics statistics;

  RegistryMetrics(Database database, ReadImportStatisticsUseCase imports) {
    new JvmMemoryMetrics().bindTo(registry);
    garbageCollection.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);

    // One read for all import meters of a scrape: the version counts are a database query. Held
    // in a field: Micrometer's meters keep only a weak reference, and a collected source reads NaN.
    statistics = new RecentImportStatistics(imports);
    Gauge.builder("registry.imports.running", statistics, s -> s.get().running())
        .strongReference(true)
        .description("Model versions this node imports now")
        .register(registry);
    FunctionCounter.builder("registry.imports.files", statistics, s -> s.get().importedFiles())
        .description("Files this node imported since it started")
        .register(registry);
    FunctionCounter.builder("registry.imports", statistics, s -> s.get().importedBytes())
        .baseUnit("bytes")
        .description("Bytes of the files this node imported since it started")
        .register(registry);
    for (ImportState state : ImportState.values()) {
      Gauge.builder("registry.model.versions", statistics, s -> versions(s.get(), state))
          .strongReference(true)
          .tag("state", state.name())
          .description("Registered model versions (all owners, all nodes) by import state")
          .register(registry);
    }

    if (database.poolStatistics().isPresent()) {
      poolGauge(database, "active", ConnectionPoolStatistics::active);
      poolGauge(database, "idle", ConnectionPoolStatistics::idle);
      poolGauge(database, "waiting", ConnectionPoolStatistics::waiting);
      poolGauge(database, "max", ConnectionPoolStatistics::maximum);
    }
  }

  /** Unknown (NaN), not zero, while the database cannot be read. */
  private static double versions(ImportStatistics statistics, ImportState state) {
    Long count = statistics.versionsByState().get(state);
    return count == null ? Double.NaN : count;
  }

  private void poolGauge(
      Database database, String state, ToIntFunction<ConnectionPoolStatistics> value) {
    Gauge.builder(
            "registry.database.connections",
            database,
            d -> d.poolStatistics().map(value::applyAsInt).orElse(0))
        .strongReference(true)
        .tag("state", state)
        .description("Database connections of this node's pool, by state (max: the pool's size)")
        .register(registry);
  }

  /**
   * The import statistics, read at most once a second: a scrape reads several meters, and every
   * node of a cluster is scraped, so the count of versions must not be a query per meter.
   */
  private static final class RecentImportStatistics {
    private static final long MAX_AGE_NANOS = 1_000_000_000L;
    private final ReadImportStatisticsUseCase imports;
    private ImportStatistics last;
    private long readAt;

    RecentImportStatistics(ReadImportStatisticsUseCase imports) {
      this.imports = imports;
    }

    synchronized ImportStatistics get() {
      long now = System.nanoTime();
      if (last == null || now - readAt > MAX_AGE_NANOS) {
        last = imports.importStatistics();
        readAt = now;
      }
      return last;
    }
  }

  /** The registry to scrape and to record HTTP requests in. */
  PrometheusMeterRegistry registry() {
    return registry;
  }

  @Override
  public void close() {
    garbageCollection.close();
    registry.close();
  }
}
