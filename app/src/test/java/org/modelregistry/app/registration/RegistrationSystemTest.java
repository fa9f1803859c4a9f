package org.modelregistry.app.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modelregistry.app.RegistryApplication;
import org.modelregistry.app.RegistrySettings;
import org.modelregistry.app.SettingsLoader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registration end to end: the registry as `main` wires it (SQLite, the local store, the guarded
 * fetcher), a real HTTP source server, and requests over HTTP.
 */
class RegistrationSystemTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final byte[] WEIGHTS = bytes(200_000, 7);
  private static final byte[] ENTRY = "print('hello')\n".getBytes(StandardCharsets.UTF_8);
  private static final byte[] CONDA = "name: env\n".getBytes(StandardCharsets.UTF_8);
  private static final String SIGNED = "?sig=c2VjcmV0LXNpZ25hdHVyZQ";

  private final HttpClient http = HttpClient.newHttpClient();
  @TempDir Path dataDir;
  private SourceServer source;
  private RegistryApplication app;

  @BeforeEach
  void startSource() throws IOException {
    source =
        new SourceServer().put("weights.bin", WEIGHTS).put("entry.py", ENTRY).put("env.yml", CONDA);
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
    source.close();
  }

  private RegistryApplication start(String... extraFlags) {
    var flags =
        new ArrayList<>(
            List.of(
                "--port", "0",
                "--host", "127.0.0.1",
                "--data-dir", dataDir.toString(),
                "--import-allowed-hosts", source.hostAndPort(),
                "--import-read-timeout-seconds", "5"));
    flags.addAll(List.of(extraFlags));
    RegistrySettings settings =
        SettingsLoader.load(
            flags.toArray(String[]::new),
            Map.of("REGISTRY_LOCAL_USER_ID", "alice", "REGISTRY_AUTHENTICATION", "local"));
    app = RegistryApplication.start(settings);
    return app;
  }

  // --- the body

  private String body(String weightsUrl) {
    Map<String, Object> files = new LinkedHashMap<>();
    files.put("weights.bin", weightsUrl);
    files.put("entry.py", source.url("/files/entry.py") + SIGNED);
    files.put("env.yml", source.url("/files/env.yml"));
    return body(files);
  }

  private static String body(Map<String, Object> files) {
    return JSON.writeValueAsString(
        Map.of(
            "model_config",
            Map.of(
                "type",
                "ENCODER",
                "inference_properties",
                Map.of("entry_script", "entry.py", "conda_env", "env.yml")),
            "model_files",
            files,
            "model_metainfo",
            Map.of(
                "description",
                "an encoder",
                "index_page_file",
                "entry.py",
                "input_types",
                List.of("SOURCE_CODE"),
                "input_languages",
                List.of("python"),
                "input_description",
                "a function",
                "output_types",
                List.of("CLASS_LABEL"),
                "output_description",
                "a label",
                "num_params",
                1000)));
  }

  // --- tests

  @Test
  void givenAnImport_operationalRoutes_reportReadinessAndItsMeters() throws Exception {
    start();
    put("/api/v1.0/model/enc/1.0", body(source.url("/files/weights.bin") + SIGNED));
    assertThat(awaitOutcome("/api/v1.0/model/enc/1.0").get("state")).isEqualTo("READY");

    HttpResponse<String> health = get("/healthz");
    HttpResponse<String> ready = get("/readyz");
    System.gc(); // meters whose source was only weakly held would now read NaN
    HttpResponse<String> metrics = get("/metrics");

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(json(ready).get("checks"))
        .isEqualTo(Map.of("database", "UP", "artifact_store", "UP"));
    long imported = WEIGHTS.length + ENTRY.length + CONDA.length;
    assertThat(metrics.body())
        .contains("registry_imports_bytes_total " + (double) imported)
        .contains("registry_imports_files_total 3.0")
        .contains("registry_imports_running 0.0")
        .contains("registry_model_versions{state=\"READY\"} 1.0")
        .contains("registry_model_versions{state=\"IMPORTING\"} 0.0")
        .contains("jvm_memory_used_bytes{")
        .contains("jvm_threads_live_threads")
        .contains("jvm_classes_loaded_classes")
        .contains("process_uptime_seconds")
        .contains(
            "http_server_requests_seconds_count{method=\"PUT\","
                + "route=\"/api/v1.0/model/{name}/{version}\",status=\"202\"} 1");
  }

  @Test
  void givenServedFiles_register_importsThemAndServesThemBackVerified() throws Exception {
    start();

    HttpResponse<String> accepted =
        put("/api/v1.0/model/enc/1.0", body(source.url("/files/weights.bin") + SIGNED));
    assertThat(accepted.statusCode()).isEqualTo(202);
    assertThat(json(accepted).get("state")).isEqualTo("IMPORTING");
    assertThat(accepted.body()).doesNotContain("c2VjcmV0LXNpZ25hdHVyZQ");

    Map<String, Object> ready = awaitOutcome("/api/v1.0/model/enc/1.0");
    assertThat(ready.get("state")).isEqualTo("READY");
    Map<String, Object> weights = fileImport(ready, "weights.bin");
    assertThat(weights)
        .containsEntry("state", "STORED")
        .containsEntry("size", WEIGHTS.length)
        .containsEntry("sha256", sha256(WEIGHTS));

    HttpResponse<byte[]> download =
        http.send(
            request("/api/v1.0/model/enc/1.0/files/weights.bin").build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(WEIGHTS);
    assertThat(download.headers().firstValue("ETag")).contains("\"" + sha256(WEIGHTS) + "\"");

    HttpResponse<byte[]> range =
        http.send(
            request("/api/v1.0/model/enc/1.0/files/weights.bin")
                .header("Range", "bytes=100-199")
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(range.statusCode()).isEqualTo(206);
    assertThat(range.body()).isEqualTo(java.util.Arrays.copyOfRange(WEIGHTS, 100, 200));
  }

  @Test
  void givenDanglingReferences_register_listsThemAllIn422() throws Exception {
    start();
    Map<String, Object> files = new LinkedHashMap<>();
    files.put("weights.bin", source.url("/files/weights.bin"));

    HttpResponse<String> response = put("/api/v1.0/model/enc/1.0", body(files));

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(paths(response))
        .contains(
            List.of("model_config", "inference_properties", "entry_script"),
            List.of("model_config", "inference_properties", "conda_env"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"/abs.bin", "a/../b.bin", "..", "a\\b.bin", "a//b.bin", "x\u0001.bin", "./x.bin"})
  void givenATraversalTarget_register_names422TheKey(String target) throws Exception {
    start();
    Map<String, Object> files = new LinkedHashMap<>();
    files.put("entry.py", source.url("/files/entry.py"));
    files.put("env.yml", source.url("/files/env.yml"));
    files.put(target, source.url("/files/weights.bin"));

    HttpResponse<String> response = put("/api/v1.0/model/enc/1.0", body(files));

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(paths(response)).contains(List.of("model_files", target));
    assertThat(storedFiles()).isEmpty();
  }

  @Test
  void givenATargetOver1024Bytes_register_names422TheKey() throws Exception {
    start();
    String target = "d/".repeat(300) + "x".repeat(500);
    Map<String, Object> files = new LinkedHashMap<>();
    files.put("entry.py", source.url("/files/entry.py"));
    files.put("env.yml", source.url("/files/env.yml"));
    files.put(target, source.url("/files/weights.bin"));

    HttpResponse<String> response = put("/api/v1.0/model/enc/1.0", body(files));

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(paths(response)).contains(List.of("model_files", target));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:1/x",
        "http://10.0.0.1/x",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]:8080/x",
        "http://localhost:1/x",
        "http://2130706433/x",
        "file:///etc/passwd",
        "ftp://example.org/x"
      })
  void givenABlockedSource_register_refusesItWith422NamingTheFile(String url) throws Exception {
    start();

    HttpResponse<String> response = put("/api/v1.0/model/enc/1.0", body(url));

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(paths(response)).contains(List.of("model_files", "weights.bin"));
    assertThat(get("/api/v1.0/model/enc/1.0").statusCode()).isEqualTo(404);
  }

  @Test
  void givenARedirectToLoopback_import_failsNamingTheRefusal() throws Exception {
    start();
    String redirect = source.url("/redirect?to=http://127.0.0.1:1/secret");

    assertThat(put("/api/v1.0/model/enc/1.0", body(redirect)).statusCode()).isEqualTo(202);

    Map<String, Object> failed = awaitOutcome("/api/v1.0/model/enc/1.0");
    assertThat(failed.get("state")).isEqualTo("FAILED");
    assertThat((String) fileImport(failed, "weights.bin").get("reason"))
        .containsIgnoringCase("127.0.0.1");
    assertThat(storedFiles()).isEmpty();
  }

  @Test
  void givenASource404_import_failsWithTheReasonAndKeepsNoBytes() throws Exception {
    start();

    put("/api/v1.0/model/enc/1.0", body(source.url("/files/nothing.bin") + SIGNED));

    Map<String, Object> failed = awaitOutcome("/api/v1.0/model/enc/1.0");
    assertThat(failed.get("state")).isEqualTo("FAILED");
    assertThat((String) fileImport(failed, "weights.bin").get("reason"))
        .contains("404")
        .doesNotContain("sig=");
    assertThat(source.requestsFor("/files/nothing.bin")).isEqualTo(1);
    assertThat(storedFiles()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/early-close/weights.bin", "/short/weights.bin"})
  void givenASourceThatStopsMidBody_import_retriesThenFailsAndKeepsNoBytes(String path)
      throws Exception {
    start("--import-max-attempts", "2");

    put("/api/v1.0/model/enc/1.0", body(source.url(path)));

    Map<String, Object> failed = awaitOutcome("/api/v1.0/model/enc/1.0");
    assertThat(failed.get("state")).isEqualTo("FAILED");
    assertThat(source.requestsFor(path)).isEqualTo(2);
    assertThat(storedFiles()).isEmpty();
  }

  @Test
  void givenAFileOverTheLimit_import_failsWithoutStoringIt() throws Exception {
    start("--import-max-file-bytes", "1000");

    put("/api/v1.0/model/enc/1.0", body(source.url("/files/weights.bin")));

    Map<String, Object> failed = awaitOutcome("/api/v1.0/model/enc/1.0");
    assertThat(failed.get("state")).isEqualTo("FAILED");
    assertThat((String) fileImport(failed, "weights.bin").get("reason"))
        .contains("limit of 1000 bytes");
    assertThat(storedFiles()).isEmpty();
  }

  @Test
  void givenTheSameNameAndVersionTwice_register_isAConflict() throws Exception {
    start();
    assertThat(put("/api/v1.0/model/enc/1.0", body(source.url("/files/weights.bin"))).statusCode())
        .isEqualTo(202);

    HttpResponse<String> again =
        put("/api/v1.0/model/enc/1.0", body(source.url("/files/weights.bin")));

    assertThat(again.statusCode()).isEqualTo(409);
  }

  @Test
  void givenRacingRegistrations_exactlyOneWins() throws Exception {
    start();
    String body = body(source.url("/files/weights.bin"));
    int racers = 8;
    var ready = new CountDownLatch(racers);
    List<Future<Integer>> outcomes = new ArrayList<>();
    try (var pool = Executors.newFixedThreadPool(racers)) {
      for (int i = 0; i < racers; i++) {
        Callable<Integer> racer =
            () -> {
              ready.countDown();
              ready.await();
              return put("/api/v1.0/model/race/1", body).statusCode();
            };
        outcomes.add(pool.submit(racer));
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> outcome : outcomes) {
        statuses.add(outcome.get());
      }
      assertThat(statuses).containsOnly(202, 409).filteredOn(s -> s == 202).hasSize(1);
    }
    assertThat(awaitOutcome("/api/v1.0/model/race/1").get("state")).isEqualTo("READY");
  }

  @Test
  void givenADeleteDuringTheImport_noBytesRemain() throws Exception {
    start();
    put("/api/v1.0/model/enc/1.0", body(source.url("/gated/weights.bin")));
    assertThat(source.awaitGatedRequest()).isTrue();

    assertThat(send("DELETE", "/api/v1.0/model/enc/1.0", null).statusCode()).isEqualTo(204);
    source.openGate();

    assertThat(get("/api/v1.0/model/enc/1.0").statusCode()).isEqualTo(404);
    pollUntil(() -> storedFiles().isEmpty(), Predicate.isEqual(true));
    assertThat(storedFiles()).isEmpty();
  }

  @Test
  void givenARestartDuringTheImport_theImportResumesAndEndsReady() throws Exception {
    start();
    put("/api/v1.0/model/enc/1.0", body(source.url("/gated/weights.bin")));
    assertThat(source.awaitGatedRequest()).isTrue();
    assertThat(json(get("/api/v1.0/model/enc/1.0")).get("state")).isEqualTo("IMPORTING");

    app.close();
    app = null;
    source.openGate();
    start();

    Map<String, Object> ready = awaitOutcome("/api/v1.0/model/enc/1.0");
    assertThat(ready.get("state")).isEqualTo("READY");
    assertThat(fileImport(ready, "weights.bin")).containsEntry("sha256", sha256(WEIGHTS));
    assertThat(storedFiles()).hasSize(3);
  }

  @Test
  void givenARestartDuringTheImportWithTheFailRule_theImportFailsCleanly() throws Exception {
    start();
    put("/api/v1.0/model/enc/1.0", body(source.url("/gated/weights.bin")));
    assertThat(source.awaitGatedRequest()).isTrue();

    app.close();
    app = null;
    start("--import-on-restart", "fail");

    Map<String, Object> failed = json(get("/api/v1.0/model/enc/1.0"));
    assertThat(failed.get("state")).isEqualTo("FAILED");
    assertThat((String) fileImport(failed, "weights.bin").get("reason")).contains("stopped");
    assertThat(storedFiles()).isEmpty();
  }

  // --- helpers

  private Map<String, Object> awaitOutcome(String path) throws Exception {
    HttpResponse<String> response = get(path + "?wait=true&timeout=30");
    assertThat(response.statusCode()).isEqualTo(200);
    return json(response);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> fileImport(Map<String, Object> model, String file) {
    return (Map<String, Object>)
        ((Map<String, Object>) ((Map<String, Object>) model.get("import")).get("files")).get(file);
  }

  /** Every file in the local store (content files, not in-flight temporaries). */
  private List<Path> storedFiles() {
    Path root = dataDir.resolve("artifacts");
    if (!Files.exists(root)) {
      return List.of();
    }
    try (Stream<Path> all = Files.walk(root)) {
      return all.filter(Files::isRegularFile).toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static <T> T pollUntil(Callable<T> probe, Predicate<T> condition) throws Exception {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
    T value = probe.call();
    while (!condition.test(value) && System.nanoTime() < deadline) {
      Thread.onSpinWait();
      value = probe.call();
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(HttpResponse<String> response) {
    return JSON.readValue(response.body(), Map.class);
  }

  @SuppressWarnings("unchecked")
  private static List<List<Object>> paths(HttpResponse<String> response) {
    List<Map<String, Object>> violations =
        (List<Map<String, Object>>) json(response).get("violations");
    return violations.stream().map(v -> (List<Object>) v.get("path")).toList();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> put(String path, String body) throws Exception {
    return send("PUT", path, body);
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest.Builder builder = request(path).header("Content-Type", "application/json");
    builder.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static byte[] bytes(int size, int seed) {
    byte[] bytes = new byte[size];
    new java.util.Random(seed).nextBytes(bytes);
    return bytes;
  }
}
