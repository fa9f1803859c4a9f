package org.modelregistry.adapter.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Gives every request an id and, once answered, one log line and one timing. The id is the client's
 * {@code X-Request-Id} when it sends a usable one (so that a proxy's id follows the request
 * through), a new one otherwise; it is echoed in the answer and put in the logging context ({@value
 * #MDC_KEY}) so that every line logged while serving the request carries it.
 *
 * <p>The line and the timer name the route template ({@code /v4/models/{model_id}}), never the
 * query string (whose values are the caller's) nor any header: keys and signed URLs stay out of the
 * log, and the metrics' labels stay few.
 */
final class RequestLog {

  static final String HEADER = "X-Request-Id";
  static final String MDC_KEY = "request_id";
  static final String TIMER = "http.server.requests";

  /** Requests no route matched (unknown paths, refused before routing) share one label. */
  static final String UNMATCHED = "UNMATCHED";

  private static final Logger ACCESS = LoggerFactory.getLogger("org.modelregistry.http.access");
  private static final String ID = RequestLog.class.getName() + ".id";

  // Letters, digits and a few separators: ids from tracing systems fit, log injection does not.
  private static final Pattern USABLE_ID = Pattern.compile("[A-Za-z0-9._:/+=@-]{1,128}");

  private static final Duration[] BUCKETS =
      Stream.of(5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000, 60_000)
          .map(Duration::ofMillis)
          .toArray(Duration[]::new);

  private final MeterRegistry meters;

  RequestLog(MeterRegistry meters) {
    this.meters = Objects.requireNonNull(meters, "meters");
  }

  /** Installs the id assignment (first of the before handlers) and the log line. */
  void register(JavalinConfig config) {
    config.routes.before(this::assignId);
    config.requestLogger.http(this::answered);
  }

  private void assignId(Context ctx) {
    String sent = ctx.header(HEADER);
    String id =
        sent != null && USABLE_ID.matcher(sent).matches() ? sent : UUID.randomUUID().toString();
    ctx.attribute(ID, id);
    ctx.header(HEADER, id);
    MDC.put(MDC_KEY, id);
  }

  private void answered(Context ctx, Float milliseconds) {
    try {
      Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
      String route = matched == null ? UNMATCHED : matched.path;
      String method = ctx.method().name();
      int status = ctx.statusCode();
      long nanos = (long) (milliseconds * 1_000_000.0);
      Timer.builder(TIMER)
          .description("HTTP requests answered, by route template, method and status")
          .tags("method", method, "route", route, "status", Integer.toString(status))
          // A dozen fixed buckets, from a cached read to a long ?wait: enough for latency SLOs
          // without Micrometer's default of some seventy per route and status.
          .serviceLevelObjectives(BUCKETS)
          .register(meters)
          .record(nanos, TimeUnit.NANOSECONDS);
      ACCESS
          .atInfo()
          .addKeyValue("method", method)
          .addKeyValue("route", route)
          .addKeyValue("status", status)
          .addKeyValue("duration_ms", Math.round(milliseconds * 10) / 10.0)
          .addKeyValue(MDC_KEY, requestId(ctx))
          .log(
              "{} {} {} {} ms",
              method,
              route,
              status,
              String.format(Locale.ROOT, "%.1f", milliseconds));
    } finally {
      MDC.remove(MDC_KEY);
    }
  }

  /** The request's id; empty when the request was refused before any handler ran. */
  static String requestId(Context ctx) {
    String id = ctx.attribute(ID);
    return id == null ? "" : id;
  }
}
