package org.modelregistry.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workspace model entities through the whole registry (SQLite), surviving a restart. */
class WorkspaceModelsSystemTest {

  private static final String MODELS = "/apis/models/v2/workspaces/team/models";
  private final HttpClient http = HttpClient.newHttpClient();
  @TempDir Path dataDir;

  private RegistryApplication start() {
    return RegistryApplication.start(
        SettingsLoader.load(
            new String[] {"--port", "0", "--host", "127.0.0.1", "--data-dir", dataDir.toString()},
            Map.of()));
  }

  @Test
  void givenAModelEntity_createListGetAndDelete_workAcrossARestart() throws Exception {
    try (RegistryApplication app = start()) {
      HttpResponse<String> created =
          send(
              app,
              "POST",
              MODELS,
              """
              {"name": "llama-8b", "description": "base", "project": "llm",
               "api_endpoint": {"url": "https://inference.example/v1", "model_id": "l8",
                                "api_key": "sk-never-shown"}}
              """);
      assertThat(created.statusCode()).isEqualTo(201);
      assertThat(created.body()).contains("\"name\":\"llama-8b\"").doesNotContain("sk-never-shown");
      assertThat(send(app, "POST", MODELS, "{\"name\": \"llama-8b\"}").statusCode()).isEqualTo(409);
    }
    try (RegistryApplication app = start()) {
      HttpResponse<String> list = send(app, "GET", MODELS + "?sort=-name", null);
      assertThat(list.statusCode()).isEqualTo(200);
      assertThat(list.body()).contains("\"total_results\":1").contains("llama-8b");

      assertThat(send(app, "DELETE", MODELS + "/llama-8b", null).statusCode()).isEqualTo(204);
      assertThat(send(app, "GET", MODELS + "/llama-8b", null).statusCode()).isEqualTo(404);
    }
  }

  private HttpResponse<String> send(
      RegistryApplication app, String method, String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
