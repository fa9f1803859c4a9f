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
import org.modelregistry.application.registration.ModelImporter;

/**
 * The meters {@code /metrics} shows besides the HTTP API's own: the JVM (memory, garbage
 * collection, threads, classes, CPU, uptime, open files), this node's imports, and the database
 * connection pool when there is one. Every value is read when scraped; nothing here polls.
 */
final class RegistryMetrics implements AutoCloseable {

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics garbageCollection = new JvmGcMetrics();

  RegistryMetrics(Database database, ModelImporter importer) {
    new JvmMemoryMetrics().bindTo(registry);
    garbageCollection.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);

    Gauge.builder("registry.imports.running", importer, ModelImporter::runningImports)
        .description("Model versions this node imports now")
        .register(registry);
    FunctionCounter.builder("registry.imports.files", importer, ModelImporter::importedFiles)
        .description("Files this node imported since it started")
        .register(registry);
    FunctionCounter.builder("registry.imports", importer, ModelImporter::importedBytes)
        .baseUnit("bytes")
        .description("Bytes of the files this node imported since it started")
        .register(registry);

    if (database.poolStatistics().isPresent()) {
      poolGauge(database, "active", ConnectionPoolStatistics::active);
      poolGauge(database, "idle", ConnectionPoolStatistics::idle);
      poolGauge(database, "waiting", ConnectionPoolStatistics::waiting);
      poolGauge(database, "max", ConnectionPoolStatistics::maximum);
    }
  }

  private void poolGauge(
      Database database, String state, ToIntFunction<ConnectionPoolStatistics> value) {
    Gauge.builder(
            "registry.database.connections",
            database,
            d -> d.poolStatistics().map(value::applyAsInt).orElse(0))
        .tag("state", state)
        .description("Database connections of this node's pool, by state (max: the pool's size)")
        .register(registry);
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
