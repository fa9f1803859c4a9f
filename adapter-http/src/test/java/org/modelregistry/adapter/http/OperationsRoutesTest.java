package org.modelregistry.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modelregistry.application.operations.CheckReadinessService;
import org.modelregistry.ports.out.DependencyCheck;
import org.slf4j.LoggerFactory;

/** Health, readiness, metrics, request ids and the access log, over HTTP with API keys on. */
class OperationsRoutesTest {

  private final HttpClient client = HttpClient.newHttpClient();
  private final PrometheusMeterRegistry meters =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private volatile String storeProblem;
  private final ListAppender<ILoggingEvent> access = new ListAppender<>();
  private final Logger accessLogger =
      (Logger) LoggerFactory.getLogger("org.modelregistry.http.access");
  private Level previousLevel;
  private Javalin server;

  @BeforeEach
  void start() {
    DependencyCheck database = check("database", () -> null);
    DependencyCheck store = check("artifact_store", () -> storeProblem);
    var readiness =
        new CheckReadinessService(
            List.of(database, store), Clock.systemUTC(), Duration.ofSeconds(2), Duration.ZERO);
    var identity = new IdentityWorld();
    var authentication =
        new ApiKeyAuthentication(
            identity.useCases().authenticate(), identity.clock, 10, Duration.ofMinutes(1));
    server =
        HttpApi.create(
                HttpSettings.forLocalIdentity(ApiFixture.LOCAL),
                ApiFixture.realUseCases(),
                authentication,
                new Operations(readiness, meters))
            .start(0);
    access.start();
    previousLevel = accessLogger.getLevel();
    accessLogger.setLevel(Level.INFO);
    accessLogger.addAppender(access);
  }

  @AfterEach
  void stop() {
    accessLogger.detachAppender(access);
    accessLogger.setLevel(previousLevel);
    server.stop();
    client.close();
  }

  private static DependencyCheck check(String name, java.util.function.Supplier<String> problem) {
    return DependencyCheck.of(
        name,
        () -> {
          String now = problem.get();
          if (now != null) {
            throw new IllegalStateException(now);
          }
        });
  }

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    HttpRequest sent = request.build();
    HttpResponse<String> response = client.send(sent, BodyHandlers.ofString());
    // Every answer here must be one the API description documents.
    OpenApiContract.shared()
        .check(
            sent.method(),
            sent.uri().getRawPath(),
            response.statusCode(),
            response.headers(),
            response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return response;
  }

  @Test
  void givenNoKey_healthz_answersUp() throws Exception {
    var response = get("/healthz");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(ApiFixture.json(response.body()).get("status").stringValue()).isEqualTo("UP");
    assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
  }

  @Test
  void givenATrailingSlash_operationalRoutes_stillAnswerWithoutAKey() throws Exception {
    HttpResponse<String> health =
        client.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/healthz/"))
                .build(),
            BodyHandlers.ofString());

    assertThat(health.statusCode()).isEqualTo(200);
  }

  @Test
  void givenEveryDependencyUp_readyz_answers200NamingEach() throws Exception {
    var response = get("/readyz");

    assertThat(response.statusCode()).isEqualTo(200);
    var body = ApiFixture.json(response.body());
    assertThat(body.get("status").stringValue()).isEqualTo("UP");
    assertThat(body.get("checks").get("database").stringValue()).isEqualTo("UP");
    assertThat(body.get("checks").get("artifact_store").stringValue()).isEqualTo("UP");
  }

  @Test
  void givenTheStoreDown_readyz_answers503WithoutTheReason() throws Exception {
    storeProblem = "cannot reach bucket at http://10.0.0.7:9000";

    var response = get("/readyz");

    assertThat(response.statusCode()).isEqualTo(503);
    var body = ApiFixture.json(response.body());
    assertThat(body.get("status").stringValue()).isEqualTo("DOWN");
    assertThat(body.get("checks").get("database").stringValue()).isEqualTo("UP");
    assertThat(body.get("checks").get("artifact_store").stringValue()).isEqualTo("DOWN");
    assertThat(response.body()).doesNotContain("10.0.0.7");
  }

  @Test
  void givenAnsweredRequests_metrics_countsThemByRouteTemplateAndStatus() throws Exception {
    get("/v4/models/some-id");
    get("/v4/models/other-id");
    get("/readyz");

    var response = get("/metrics");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/plain; version=0.0.4");
    assertThat(response.body())
        .contains(
            "http_server_requests_seconds_count{method=\"GET\",route=\"/readyz\",status=\"200\"} 1")
        .contains("http_server_requests_seconds_bucket{")
        // Refused (no key) yet labelled by the route they asked for, never by the raw path.
        .contains(
            "http_server_requests_seconds_count{method=\"GET\",route=\"/v4/models/{model_id}\","
                + "status=\"401\"} 2")
        .contains("le=\"0.005\"")
        .doesNotContain("some-id");
  }

  @Test
  void givenAnUnknownPath_metrics_labelsItUnmatched() throws Exception {
    get("/no/such/path/x1");

    assertThat(get("/metrics").body())
        .contains("route=\"UNMATCHED\",status=\"401\"")
        .doesNotContain("x1");
  }

  @Test
  void givenAnOpenMetricsScraper_metrics_answersOpenMetrics() throws Exception {
    var response = get("/metrics", "Accept", "application/openmetrics-text; version=1.0.0");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/openmetrics-text");
    assertThat(response.body()).endsWith("# EOF\n");
  }

  @Test
  void givenNoRequestId_anyRequest_getsANewOneEchoed() throws Exception {
    var first = get("/healthz");
    var refused = get("/v4/models");

    String id = first.headers().firstValue(RequestLog.HEADER).orElseThrow();
    assertThat(id).matches("[0-9a-f-]{36}");
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.headers().firstValue(RequestLog.HEADER).orElseThrow())
        .matches("[0-9a-f-]{36}")
        .isNotEqualTo(id);
  }

  @Test
  void givenAUsableRequestId_anyRequest_echoesIt_andAnUnusableOneIsReplaced() throws Exception {
    var kept = get("/healthz", RequestLog.HEADER, "trace-7f3a.01:span/2");
    var replaced = get("/healthz", RequestLog.HEADER, "evil\" id=forged");
    var tooLong = get("/healthz", RequestLog.HEADER, "a".repeat(129));

    assertThat(kept.headers().firstValue(RequestLog.HEADER)).contains("trace-7f3a.01:span/2");
    assertThat(replaced.headers().firstValue(RequestLog.HEADER).orElseThrow())
        .matches("[0-9a-f-]{36}");
    assertThat(tooLong.headers().firstValue(RequestLog.HEADER).orElseThrow())
        .matches("[0-9a-f-]{36}");
  }

  @Test
  void givenARequest_accessLog_writesOneLineWithRouteStatusDurationAndId() throws Exception {
    get("/v4/models/secret-name?account_id=acct-secret", RequestLog.HEADER, "req-42");

    List<ILoggingEvent> lines = awaitAccessLines("req-42");
    assertThat(lines).hasSize(1);
    ILoggingEvent line = lines.getFirst();
    Map<String, String> values = keyValues(line);
    assertThat(values)
        .containsEntry("method", "GET")
        .containsEntry("route", "/v4/models/{model_id}")
        .containsEntry("status", "401")
        .containsKey("duration_ms");
    assertThat(line.getFormattedMessage())
        .startsWith("GET /v4/models/{model_id} 401 ")
        .endsWith(" ms");
    assertThat(line.getFormattedMessage() + values).doesNotContain("secret");
  }

  @Test
  void givenAMatchedRoute_accessLog_namesItsTemplate() throws Exception {
    get("/readyz", RequestLog.HEADER, "req-43");

    assertThat(awaitAccessLines("req-43"))
        .singleElement()
        .satisfies(
            event ->
                assertThat(keyValues(event))
                    .containsEntry("request_id", "req-43")
                    .containsEntry("route", "/readyz")
                    .containsEntry("status", "200"));
  }

  /** The access lines of one request: written once the answer is out, so perhaps just after. */
  private List<ILoggingEvent> awaitAccessLines(String requestId) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (true) {
      List<ILoggingEvent> copy;
      synchronized (access) { // the appender adds under its own lock
        copy = List.copyOf(access.list);
      }
      List<ILoggingEvent> lines =
          copy.stream()
              .filter(event -> requestId.equals(keyValues(event).get("request_id")))
              .toList();
      if (!lines.isEmpty() || System.nanoTime() > deadline) {
        return lines;
      }
      Thread.sleep(10);
    }
  }

  private static Map<String, String> keyValues(ILoggingEvent event) {
    return event.getKeyValuePairs() == null
        ? Map.of()
        : event.getKeyValuePairs().stream()
            .collect(Collectors.toMap(pair -> pair.key, pair -> String.valueOf(pair.value)));
  }
}
