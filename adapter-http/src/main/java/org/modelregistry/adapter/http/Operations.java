package org.modelregistry.adapter.http;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.modelregistry.ports.in.operations.CheckReadinessUseCase;
import org.modelregistry.ports.in.operations.Readiness;

/**
 * What the operational routes answer from: the readiness of the node's dependencies ({@code
 * /readyz}) and the meters {@code /metrics} exposes, which the HTTP API also records every request
 * in.
 *
 * @param readiness checks the database and the artifact store
 * @param meters the registry scraped by {@code /metrics}; the composition root binds the JVM, the
 *     imports and the database pool to it
 */
public record Operations(CheckReadinessUseCase readiness, PrometheusMeterRegistry meters) {

  public Operations {
    Objects.requireNonNull(readiness, "readiness");
    Objects.requireNonNull(meters, "meters");
  }

  /** No dependency to check (always ready) and meters of the HTTP API only: for tests. */
  public static Operations standalone() {
    return new Operations(
        () -> new Readiness(List.of(), Instant.now()),
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }
}
