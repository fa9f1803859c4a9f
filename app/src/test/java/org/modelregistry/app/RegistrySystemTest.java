package org.modelregistry.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole registry, as `main` wires it, spoken to over HTTP. */
class RegistrySystemTest {

  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path dataDir;

  private RegistryApplication start() {
    RegistrySettings settings =
        SettingsLoader.load(
            new String[] {"--port", "0", "--host", "127.0.0.1", "--data-dir", dataDir.toString()},
            Map.of("REGISTRY_LOCAL_USER_ID", "system-test"));
    return RegistryApplication.start(settings);
  }

  @Test
  void givenFreshDataDir_createTemplateAndModel_survivesRestart() throws Exception {
    String templateId;
    String modelId;
    try (RegistryApplication app = start()) {
      HttpResponse<String> template =
          post(
              app,
              "/v4/model-templates",
              """
              {"name": "server", "account_id": "acct", "endpoint_type": "SYNC",
               "model_type": "EMBEDDING",
               "vendor_configuration": {"bundle_config":
                 {"registry": "r.example", "image": "embedder", "tag": "2"}},
               "model_creation_parameters_schema": {"parameters": [
                 {"name": "dims", "type": "int", "description": "vector size", "required": true}]}}
              """);
      assertThat(template.statusCode()).isEqualTo(200);
      assertThat(template.body())
          .contains("\"created_by_user_id\":\"system-test\"")
          .contains("\"predict_route\":\"/predict\"");
      templateId = field(template.body(), "id");

      HttpResponse<String> model =
          post(
              app,
              "/v4/models",
              """
              {"name": "embedder-768", "account_id": "acct", "model_type": "EMBEDDING",
               "model_template_id": "%s", "model_creation_parameters": {"dims": 768}}
              """
                  .formatted(templateId));
      assertThat(model.statusCode()).isEqualTo(200);
      modelId = field(model.body(), "id");
    }
    assertThat(Files.exists(dataDir.resolve("registry.db"))).isTrue();

    try (RegistryApplication app = start()) {
      HttpResponse<String> model = get(app, "/v4/models/" + modelId);
      assertThat(model.statusCode()).isEqualTo(200);
      assertThat(model.body())
          .contains("\"model_template_id\":\"" + templateId + "\"")
          .contains("\"dims\":768")
          .contains("\"texts\"");

      HttpResponse<String> delete = send(app, "DELETE", "/v4/model-templates/" + templateId);
      assertThat(delete.statusCode()).isEqualTo(409);
    }
  }

  @Test
  void givenInvalidBody_create_answers422WithEveryViolation() throws Exception {
    try (RegistryApplication app = start()) {
      HttpResponse<String> response =
          post(
              app,
              "/v4/model-templates",
              """
              {"name": "bad name!", "account_id": "acct", "endpoint_type": "SYNC",
               "model_type": "COMPLETION",
               "vendor_configuration": {"bundle_config": {"registry": "r", "tag": "1"}}}
              """);

      assertThat(response.statusCode()).isEqualTo(422);
      assertThat(response.body())
          .contains("\"loc\":[\"body\",\"vendor_configuration\",\"bundle_config\",\"image\"]");
    }
  }

  private HttpResponse<String> post(RegistryApplication app, String path, String json)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri(app, path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(RegistryApplication app, String path)
      throws IOException, InterruptedException {
    return send(app, "GET", path);
  }

  private HttpResponse<String> send(RegistryApplication app, String method, String path)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri(app, path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(RegistryApplication app, String path) {
    return URI.create("http://127.0.0.1:" + app.port() + path);
  }

  private static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
    assertThat(m.find()).as("field %s in %s", name, json).isTrue();
    return m.group(1);
  }
}
