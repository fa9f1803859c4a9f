package org.modelregistry.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The few registration calls the benchmark makes, over HTTP like any client. */
final class RegistryClient {

  /** Seconds one long-polling GET waits for the import to finish before asking again. */
  private static final int WAIT_SECONDS = 60;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String baseUrl;

  RegistryClient(int port) {
    this.baseUrl = "http://127.0.0.1:" + port + "/api/v1.0/model/";
  }

  /** An answer of the registry: status, raw body, and the body parsed when it is JSON. */
  record Answer(int status, String body, JsonNode json) {

    String state() {
      return json == null ? null : json.path("state").asString(null);
    }
  }

  /** {@code PUT /api/v1.0/model/<name>/<version>} with a registration body. */
  Answer register(String name, String version, Map<String, Object> body)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + name + "/" + version))
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(60))
            .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
            .build();
    return send(request);
  }

  /**
   * {@code GET /api/v1.0/model/<name>/<version>?wait=true&timeout=60}: answers as soon as the
   * import is over, or after 60 s with the model still importing.
   */
  Answer awaitImport(String name, String version) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(baseUrl + name + "/" + version + "?wait=true&timeout=" + WAIT_SECONDS))
            .timeout(Duration.ofSeconds(WAIT_SECONDS + 30))
            .GET()
            .build();
    return send(request);
  }

  private Answer send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    JsonNode json = null;
    try {
      json = JSON.readTree(response.body());
    } catch (RuntimeException e) {
      // Not JSON: the caller reports the raw body.
    }
    return new Answer(response.statusCode(), response.body(), json);
  }
}
