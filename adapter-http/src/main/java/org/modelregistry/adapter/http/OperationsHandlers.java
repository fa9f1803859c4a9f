package org.modelregistry.adapter.http;

import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.modelregistry.ports.in.operations.Readiness;

/**
 * The operational routes, answered to anyone: liveness, readiness, and the metrics in Prometheus'
 * text format. They name no resource: readiness says which dependency is down, not why; the metrics
 * hold route templates, counts (of requests, imports, versions by state) and the JVM's state.
 */
final class OperationsHandlers {

  static final String HEALTH = "/healthz";
  static final String READY = "/readyz";
  static final String METRICS = "/metrics";

  private static final String UP = "UP";
  private static final String DOWN = "DOWN";
  private static final String OPEN_METRICS = "application/openmetrics-text";

  private final Operations operations;

  OperationsHandlers(Operations operations) {
    this.operations = operations;
  }

  /** The process runs and serves HTTP; nothing else is checked, so it never fails for a peer. */
  void health(Context ctx) {
    ctx.header(Header.CACHE_CONTROL, "no-store");
    ctx.json(Map.of("status", UP));
  }

  /**
   * 200 when every dependency answers, 503 otherwise, each dependency's state named. Why one is
   * down goes to the log only: this answer goes to callers without a key.
   */
  void ready(Context ctx) {
    Readiness readiness = operations.readiness().readiness();
    Map<String, String> checks = new LinkedHashMap<>();
    readiness.dependencies().forEach(state -> checks.put(state.name(), state.up() ? UP : DOWN));
    ctx.header(Header.CACHE_CONTROL, "no-store");
    ctx.status(readiness.ready() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    ctx.json(Map.of("status", readiness.ready() ? UP : DOWN, "checks", checks));
  }

  /** The meters, in OpenMetrics when the scraper asks for it, else Prometheus' text format. */
  void metrics(Context ctx) {
    String accept = ctx.header(Header.ACCEPT);
    boolean openMetrics = accept != null && accept.contains(OPEN_METRICS);
    ctx.header(Header.CACHE_CONTROL, "no-store");
    ctx.contentType(
        openMetrics
            ? OPEN_METRICS + "; version=1.0.0; charset=utf-8"
            : "text/plain; version=0.0.4; charset=utf-8");
    try (OutputStream out = ctx.outputStream()) {
      operations.meters().scrape(out, openMetrics ? OPEN_METRICS : "text/plain");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
