package org.modelregistry.app.registration;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.modelregistry.app.RegistryApplication;
import org.modelregistry.app.SettingsLoader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two registry nodes in one JVM on one PostgreSQL and one S3 server (S3Proxy), as a load balancer
 * would use them: concurrent registrations and creates go to both alternately, one node stops in
 * the middle of its imports, and the other takes them over. Every accepted registration ends READY
 * exactly once, with exactly its files in the bucket; of two nodes creating one name, one wins and
 * the other answers 409.
 */
class ScaleOutSystemTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String ACCESS_KEY = "scale-access";
  private static final String SECRET_KEY = "scale-secret-key-123";
  private static final String BUCKET = "registry";
  private static final int VERSIONS = 12;
  private static final byte[] WEIGHTS = new byte[256 * 1024];

  static {
    new java.util.Random(11).nextBytes(WEIGHTS);
  }

  private static EmbeddedPostgres postgres;

  @RegisterExtension
  final S3ProxyExtension s3 =
      S3ProxyExtension.builder()
          .withBlobStoreProvider("transient")
          .withCredentials(ACCESS_KEY, SECRET_KEY)
          .build();

  @TempDir Path dataOne;
  @TempDir Path dataTwo;
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<RegistryApplication> nodes = new ArrayList<>();
  private SourceServer source;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE scaleout");
    }
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  @AfterEach
  void stop() {
    nodes.forEach(RegistryApplication::close);
    if (source != null) {
      source.close();
    }
  }

  private RegistryApplication node(String id, Path dataDir) {
    RegistryApplication node =
        RegistryApplication.start(
            SettingsLoader.load(
                new String[] {
                  "--port",
                  "0",
                  "--host",
                  "127.0.0.1",
                  "--data-dir",
                  dataDir.toString(),
                  "--database-url",
                  "jdbc:postgresql://localhost:" + postgres.getPort() + "/scaleout",
                  "--database-user",
                  "postgres",
                  "--node-id",
                  id,
                  "--import-lease-seconds",
                  "1",
                  "--import-parallel-files",
                  "8",
                  "--import-allowed-hosts",
                  source.hostAndPort(),
                  "--storage",
                  "s3",
                  "--s3-endpoint",
                  s3.getUri().toString(),
                  "--s3-bucket",
                  BUCKET,
                  "--s3-access-key",
                  ACCESS_KEY
                },
                Map.of(
                    "REGISTRY_S3_SECRET_KEY", SECRET_KEY,
                    "REGISTRY_AUTHENTICATION", "local",
                    "REGISTRY_LOCAL_USER_ID", "scale-test")));
    nodes.add(node);
    return node;
  }

  @Test
  void givenTwoNodes_concurrentWorkAndANodeStoppingMidImport_everyVersionEndsReadyExactlyOnce()
      throws Exception {
    source =
        new SourceServer()
            .put("weights.bin", WEIGHTS)
            .put("entry.py", "print(1)\n".getBytes())
            .put("env.yml", "name: e\n".getBytes());
    RegistryApplication one = node("node-one", dataOne);
    RegistryApplication two = node("node-two", dataTwo);
    List<RegistryApplication> both = List.of(one, two);

    ExecutorService clients = Executors.newFixedThreadPool(8);
    try {
      // Registrations, half of them with weights that stall until the gate opens.
      List<Future<Integer>> registered = new ArrayList<>();
      for (int i = 0; i < VERSIONS; i++) {
        RegistryApplication target = both.get(i % 2);
        String path = "/api/v1.0/model/m" + i + "/1";
        String body = body(i % 4 < 2 ? "/gated/weights.bin" : "/files/weights.bin");
        registered.add(clients.submit(() -> send(target, "PUT", path, body).statusCode()));
      }
      // The same template name created on both nodes at once: one winner, one 409.
      List<Future<Integer>> creates = new ArrayList<>();
      for (RegistryApplication target : both) {
        Callable<Integer> create =
            () -> send(target, "POST", "/v4/model-templates", template("contested")).statusCode();
        creates.add(clients.submit(create));
      }
      for (Future<Integer> status : registered) {
        assertThat(status.get(60, TimeUnit.SECONDS)).isEqualTo(202);
      }
      List<Integer> createStatuses = new ArrayList<>();
      for (Future<Integer> status : creates) {
        createStatuses.add(status.get(60, TimeUnit.SECONDS));
      }
      assertThat(createStatuses).containsExactlyInAnyOrder(200, 409);
    } finally {
      clients.shutdownNow();
    }

    // Node one stops while its gated copies wait (every gated version's weights were asked for,
    // three by each node); node two takes node one's imports over and asks for those again.
    int gated = VERSIONS / 2;
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (source.requestsFor("/gated/weights.bin") < gated) {
      assertThat(System.nanoTime()).as("gated requests arrived").isLessThan(deadline);
      Thread.onSpinWait();
      Thread.yield();
    }
    one.close();
    source.openGate();

    List<JsonNode> versions = awaitAllEnded(two);
    assertThat(versions).hasSize(VERSIONS);
    assertThat(versions)
        .allSatisfy(v -> assertThat(v.get("state").stringValue()).isEqualTo("READY"));
    Set<String> ids = new HashSet<>();
    versions.forEach(v -> ids.add(v.get("id").stringValue()));
    assertThat(ids).hasSize(VERSIONS);
    // Exactly the files of each version, once: nothing duplicated, nothing left over.
    assertThat(objectKeys()).hasSize(VERSIONS * 3);
    HttpResponse<byte[]> weights =
        http.send(
            request(two, "/api/v1.0/model/m0/1/files/weights.bin").GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(weights.statusCode()).isEqualTo(200);
    assertThat(weights.body()).isEqualTo(WEIGHTS);
    // Node one's three were fetched again by node two (a transient failure may add a retry).
    assertThat(source.requestsFor("/gated/weights.bin")).isGreaterThanOrEqualTo(gated + gated / 2);
  }

  /** Every version m0..m(n-1), once none is IMPORTING any more (polled, with a deadline). */
  private List<JsonNode> awaitAllEnded(RegistryApplication node) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      HttpResponse<String> list =
          send(node, "GET", "/api/v1.0/models?name_prefix=m&limit=100", null);
      assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
      List<JsonNode> versions = new ArrayList<>();
      JSON.readTree(list.body()).get("models").forEach(versions::add);
      boolean ended =
          versions.size() == VERSIONS
              && versions.stream().noneMatch(v -> v.get("state").stringValue().equals("IMPORTING"));
      if (ended) {
        return versions;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("imports still running: " + list.body());
      }
      Thread.onSpinWait();
      Thread.yield();
    }
  }

  private static String template(String name) {
    return """
        {"name": "%s", "account_id": "acct", "endpoint_type": "SYNC", "model_type": "COMPLETION",
         "vendor_configuration": {"bundle_config":
           {"registry": "r.example", "image": "llm", "tag": "1"}}}
        """
        .formatted(name);
  }

  private String body(String weightsPath) {
    return EncoderRegistrations.body(source, weightsPath);
  }

  private List<String> objectKeys() throws Exception {
    return EncoderRegistrations.objectKeys(s3.getUri(), ACCESS_KEY, SECRET_KEY, BUCKET);
  }

  private HttpRequest.Builder request(RegistryApplication node, String path) {
    return EncoderRegistrations.request(node.port(), path);
  }

  private HttpResponse<String> send(
      RegistryApplication node, String method, String path, String body) throws Exception {
    return EncoderRegistrations.send(http, node.port(), method, path, body);
  }
}
