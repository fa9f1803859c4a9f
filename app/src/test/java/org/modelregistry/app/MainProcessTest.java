package org.modelregistry.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The registry's main in a JVM of its own: configured by a file, logging JSON, stopped by TERM. */
class MainProcessTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path temp;
  private Process process;
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    if (process != null) {
      process.destroyForcibly();
    }
    http.close();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void givenAConfigFileAskingForJson_main_servesLogsJsonLinesAndStopsGracefullyOnTerm()
      throws Exception {
    int port = freePort();
    Path config =
        Files.writeString(
            temp.resolve("registry.properties"),
            """
            host = 127.0.0.1
            port = %d
            data-dir = %s
            authentication = local
            log-format = json
            """
                .formatted(port, temp.resolve("data").toString().replace("\\\\", "/")));
    Path log = temp.resolve("registry.log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // The server's own logging configuration, not the tests' quiet one.
    command.add("-Dlogback.configurationFile=" + Path.of("target", "classes", "logback.xml"));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("REGISTRY_CONFIG", config.toString());
    // The log goes to standard output; the JVM's own warnings (native access) to standard error.
    Path errors = temp.resolve("registry.err");
    builder.redirectOutput(log.toFile());
    builder.redirectError(errors.toFile());
    process = builder.start();
    URI base = URI.create("http://127.0.0.1:" + port);

    awaitHealthy(base, log);
    HttpResponse<String> ready =
        http.send(
            HttpRequest.newBuilder(base.resolve("/readyz"))
                .header("X-Request-Id", "main-process-1")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.headers().firstValue("X-Request-Id")).contains("main-process-1");
    JsonNode access = awaitLine(log, "main-process-1");

    process.destroy(); // SIGTERM
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped after TERM").isTrue();

    assertThat(access.get("formattedMessage").stringValue()).startsWith("GET /readyz 200 ");
    assertThat(access.get("kvpList").toString())
        .contains("\"route\":\"/readyz\"")
        .contains("\"request_id\":\"main-process-1\"");
    List<String> lines = Files.readAllLines(log).stream().filter(line -> !line.isBlank()).toList();
    assertThat(lines)
        .as("standard error: %s", read(errors))
        .allSatisfy(line -> assertThat(line).startsWith("{").endsWith("}"))
        .allSatisfy(line -> assertThat(JSON.readTree(line).isObject()).as(line).isTrue());
    assertThat(lines)
        .anySatisfy(line -> assertThat(line).contains("Model registry listening on"))
        .anySatisfy(line -> assertThat(line).contains("Model registry stopped"));
  }

  private void awaitHealthy(URI base, Path log) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(process.isAlive()).as("server running; its log: %s", read(log)).isTrue();
      try {
        if (http.send(
                    HttpRequest.newBuilder(base.resolve("/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString())
                .statusCode()
            == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the server did not answer /healthz; its log: " + read(log));
  }

  /** The JSON log line mentioning {@code text}, once written. */
  private static JsonNode awaitLine(Path log, String text) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      for (String line : Files.readAllLines(log)) {
        if (line.contains(text)) {
          return JSON.readTree(line);
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no log line with " + text + ": " + read(log));
  }

  private static String read(Path log) throws IOException {
    return Files.exists(log) ? Files.readString(log) : "(none)";
  }
}
