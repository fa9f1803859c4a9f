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
            Map.of("REGISTRY_LOCAL_USER_ID", "system-test", "REGISTRY_AUTHENTICATION", "local"));
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
  void givenEveryKindOfNumber_createModelThenReadItFromTheDatabase_rendersThemIdentically()
      throws Exception {
    String expected =
        "{\"small\":7,\"long\":3000000000,\"beyond_long\":92233720368547758070,"
            + "\"one_and_a_half\":1.5,\"tenth\":0.1,\"beyond_double\":1E+400,"
            + "\"scaled\":1.50,\"whole\":2.0}";
    String createdParameters;
    String modelId;
    try (RegistryApplication app = start()) {
      HttpResponse<String> template =
          post(
              app,
              "/v4/model-templates",
              """
              {"name": "numbers", "account_id": "acct", "endpoint_type": "SYNC",
               "model_type": "GENERIC",
               "vendor_configuration": {"bundle_config":
                 {"registry": "r.example", "image": "numbers", "tag": "1"}},
               "model_creation_parameters_schema": {"parameters": [
                 {"name": "small", "type": "int", "description": "d", "required": true},
                 {"name": "long", "type": "int", "description": "d", "required": true},
                 {"name": "beyond_long", "type": "int", "description": "d", "required": true},
                 {"name": "one_and_a_half", "type": "float", "description": "d", "required": true},
                 {"name": "tenth", "type": "float", "description": "d", "required": true},
                 {"name": "beyond_double", "type": "float", "description": "d", "required": true},
                 {"name": "scaled", "type": "float", "description": "d", "required": true},
                 {"name": "whole", "type": "int", "description": "d", "required": true}]}}
              """);
      assertThat(template.statusCode()).as(template.body()).isEqualTo(200);
      HttpResponse<String> model =
          post(
              app,
              "/v4/models",
              """
              {"name": "numbers", "account_id": "acct", "model_type": "GENERIC",
               "model_template_id": "%s", "model_creation_parameters": {
                 "small": 7, "long": 3000000000, "beyond_long": 92233720368547758070,
                 "one_and_a_half": 1.5, "tenth": 0.1, "beyond_double": 1e400, "scaled": 1.50,
                 "whole": 2.0}}
              """
                  .formatted(field(template.body(), "id")));
      assertThat(model.statusCode()).as(model.body()).isEqualTo(200);
      modelId = field(model.body(), "id");
      createdParameters = creationParameters(model.body());
    }

    // A fresh start has nothing in memory: the model comes from the database.
    try (RegistryApplication app = start()) {
      HttpResponse<String> model = get(app, "/v4/models/" + modelId);

      assertThat(model.statusCode()).isEqualTo(200);
      assertThat(creationParameters(model.body())).isEqualTo(createdParameters).isEqualTo(expected);
    }
  }

  private static String creationParameters(String json) {
    Matcher m = Pattern.compile("\"model_creation_parameters\":(\\{[^{}]*\\})").matcher(json);
    assertThat(m.find()).as("creation parameters in %s", json).isTrue();
    return m.group(1);
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
