package org.modelregistry.app.registration;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.modelregistry.app.Main;
import org.modelregistry.app.RegistryApplication;
import org.modelregistry.app.SettingsLoader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A registry node killed outright (SIGKILL, in its own JVM) in the middle of its imports: its
 * claims stay in the database until they run out, then another node takes the imports over and
 * completes them. Every version ends READY once, with exactly its files in the bucket.
 */
class NodeCrashSystemTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String ACCESS_KEY = "crash-access";
  private static final String SECRET_KEY = "crash-secret-key-123";
  private static final String BUCKET = "registry";
  private static final int VERSIONS = 3;
  private static final byte[] WEIGHTS = new byte[128 * 1024];

  static {
    new java.util.Random(5).nextBytes(WEIGHTS);
  }

  @RegisterExtension
  final S3ProxyExtension s3 =
      S3ProxyExtension.builder()
          .withBlobStoreProvider("transient")
          .withCredentials(ACCESS_KEY, SECRET_KEY)
          .build();

  @TempDir Path temp;
  private final HttpClient http = HttpClient.newHttpClient();
  private EmbeddedPostgres postgres;
  private SourceServer source;
  private Process killed;
  private RegistryApplication survivor;

  @AfterEach
  void stop() throws Exception {
    if (killed != null) {
      killed.destroyForcibly();
    }
    if (survivor != null) {
      survivor.close();
    }
    if (source != null) {
      source.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  private List<String> arguments(String nodeId, int port, Path dataDir) {
    return List.of(
        "--port",
        String.valueOf(port),
        "--host",
        "127.0.0.1",
        "--data-dir",
        dataDir.toString(),
        "--database-url",
        "jdbc:postgresql://localhost:" + postgres.getPort() + "/crash",
        "--database-user",
        "postgres",
        "--node-id",
        nodeId,
        "--import-lease-seconds",
        "2",
        "--import-allowed-hosts",
        source.hostAndPort(),
        "--storage",
        "s3",
        "--s3-endpoint",
        s3.getUri().toString(),
        "--s3-bucket",
        BUCKET,
        "--s3-access-key",
        ACCESS_KEY);
  }

  private static final Map<String, String> ENVIRONMENT =
      Map.of(
          "REGISTRY_S3_SECRET_KEY", SECRET_KEY,
          "REGISTRY_AUTHENTICATION", "local",
          "REGISTRY_LOCAL_USER_ID", "crash-test");

  /** The registry's own main in a JVM of its own, which the test can kill. */
  private Process startInOwnJvm(List<String> arguments) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(ENVIRONMENT);
    builder.redirectErrorStream(true);
    builder.redirectOutput(temp.resolve("killed-node.log").toFile());
    return builder.start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void givenANodeKilledMidImport_anotherTakesItsImportsOverOnceItsClaimsRunOut() throws Exception {
    postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE crash");
    }
    source =
        new SourceServer()
            .put("weights.bin", WEIGHTS)
            .put("entry.py", "print(1)\n".getBytes())
            .put("env.yml", "name: e\n".getBytes());
    int port = freePort();
    killed = startInOwnJvm(arguments("doomed", port, temp.resolve("doomed")));
    awaitUp(port);

    for (int i = 0; i < VERSIONS; i++) {
      HttpResponse<String> accepted =
          send(port, "PUT", "/api/v1.0/model/c" + i + "/1", body("/gated/weights.bin"));
      assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    }
    awaitRequests("/gated/weights.bin", VERSIONS);

    // Killed outright: no clean stop gives its claims up.
    killed.destroyForcibly().waitFor();
    source.openGate();
    survivor =
        RegistryApplication.start(
            SettingsLoader.load(
                arguments("survivor", 0, temp.resolve("survivor")).toArray(String[]::new),
                ENVIRONMENT));

    List<JsonNode> versions = awaitAllEnded(survivor.port());
    assertThat(versions)
        .extracting(v -> v.get("state").stringValue())
        .containsOnly("READY")
        .hasSize(VERSIONS);
    // Exactly the versions' files; a node killed in the middle of an upload may leave its
    // temporary object behind, which nothing reads (sweeping those is garbage collection's job).
    List<String> keys = objectKeys();
    assertThat(keys.stream().filter(key -> key.startsWith("files/"))).hasSize(VERSIONS * 3);
    assertThat(keys).allMatch(key -> key.startsWith("files/") || key.startsWith("incoming/"));
    HttpResponse<byte[]> weights =
        http.send(
            request(survivor.port(), "/api/v1.0/model/c0/1/files/weights.bin").GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(weights.body()).isEqualTo(WEIGHTS);
    // The killed node's copies were fetched again by the survivor.
    assertThat(source.requestsFor("/gated/weights.bin")).isGreaterThanOrEqualTo(2 * VERSIONS);
  }

  private void awaitUp(int port) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      try {
        if (send(port, "GET", "/api/v1.0/models", null).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      if (!killed.isAlive() || System.nanoTime() > deadline) {
        throw new AssertionError(
            "the node in its own JVM did not start: "
                + Files.readString(temp.resolve("killed-node.log")));
      }
      Thread.onSpinWait();
      Thread.yield();
    }
  }

  private void awaitRequests(String path, int count) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (source.requestsFor(path) < count) {
      assertThat(System.nanoTime()).as(path + " requests arrived").isLessThan(deadline);
      Thread.onSpinWait();
      Thread.yield();
    }
  }

  private List<JsonNode> awaitAllEnded(int port) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      HttpResponse<String> list = send(port, "GET", "/api/v1.0/models?name_prefix=c", null);
      List<JsonNode> versions = new ArrayList<>();
      JSON.readTree(list.body()).get("models").forEach(versions::add);
      if (versions.size() == VERSIONS
          && versions.stream().noneMatch(v -> v.get("state").stringValue().equals("IMPORTING"))) {
        return versions;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("imports still running: " + list.body());
      }
      Thread.onSpinWait();
      Thread.yield();
    }
  }

  private String body(String weightsPath) {
    return EncoderRegistrations.body(source, weightsPath);
  }

  private List<String> objectKeys() throws Exception {
    return EncoderRegistrations.objectKeys(s3.getUri(), ACCESS_KEY, SECRET_KEY, BUCKET);
  }

  private HttpRequest.Builder request(int port, String path) {
    return EncoderRegistrations.request(port, path);
  }

  private HttpResponse<String> send(int port, String method, String path, String body)
      throws Exception {
    return EncoderRegistrations.send(http, port, method, path, body);
  }
}
