package org.modelregistry.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workspace model entities through the whole registry (SQLite), surviving a restart. */
class WorkspaceModelsSystemTest {

  private static final String MODELS = "/apis/models/v2/workspaces/team/models";
  @TempDir Path dataDir;

  private RegistryApplication start() {
    return RegistryApplication.start(
        SettingsLoader.load(
            new String[] {"--port", "0", "--host", "127.0.0.1", "--data-dir", dataDir.toString()},
            Map.of("REGISTRY_AUTHENTICATION", "local")));
  }

  @Test
  void givenAModelEntity_createListGetAndDelete_workAcrossARestart() throws Exception {
    try (RegistryApplication app = start()) {
      RegistryHttp http = new RegistryHttp(app);
      HttpResponse<String> created =
          http.send(
              "POST",
              MODELS,
              """
              {"name": "llama-8b", "description": "base", "project": "llm",
               "api_endpoint": {"url": "https://inference.example/v1", "model_id": "l8",
                                "api_key": "sk-never-shown"}}
              """);
      assertThat(created.statusCode()).isEqualTo(201);
      assertThat(created.body()).contains("\"name\":\"llama-8b\"").doesNotContain("sk-never-shown");
      assertThat(http.send("POST", MODELS, "{\"name\": \"llama-8b\"}").statusCode()).isEqualTo(409);
    }
    try (RegistryApplication app = start()) {
      RegistryHttp http = new RegistryHttp(app);
      HttpResponse<String> list = http.send("GET", MODELS + "?sort=-name", null);
      assertThat(list.statusCode()).isEqualTo(200);
      assertThat(list.body()).contains("\"total_results\":1").contains("llama-8b");

      assertThat(http.send("DELETE", MODELS + "/llama-8b", null).statusCode()).isEqualTo(204);
      assertThat(http.send("GET", MODELS + "/llama-8b", null).statusCode()).isEqualTo(404);
    }
  }

  @Test
  void givenAFileset_uploadDownloadListAndDeleteAFile_overTheLocalStore() throws Exception {
    String fileset = "/apis/files/v2/workspaces/team/filesets/weights";
    String file = fileset + "/-/shards/model-00001.bin";
    byte[] content = new byte[2 * 1024 * 1024 + 17];
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) (i * 13 + i / 1000);
    }
    try (RegistryApplication app = start()) {
      RegistryHttp http = new RegistryHttp(app);
      assertThat(
              http.send("POST", fileset.replace("/weights", ""), "{\"name\": \"weights\"}")
                  .statusCode())
          .isEqualTo(201);

      HttpResponse<String> put =
          http.send(
              http.request(file)
                  .header("Content-Type", "application/octet-stream")
                  .PUT(HttpRequest.BodyPublishers.ofByteArray(content))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
      assertThat(put.body())
          .contains("\"file_ref\":\"team/weights/shards/model-00001.bin\"")
          .contains("\"size\":" + content.length);

      HttpResponse<byte[]> whole =
          http.send(http.request(file).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      HttpResponse<byte[]> range =
          http.send(
              http.request(file).header("Range", "bytes=1048576-1048591").GET().build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(whole.statusCode()).isEqualTo(200);
      assertThat(whole.body()).isEqualTo(content);
      assertThat(whole.headers().firstValue("ETag")).isPresent();
      assertThat(range.statusCode()).isEqualTo(206);
      assertThat(range.body()).isEqualTo(Arrays.copyOfRange(content, 1_048_576, 1_048_592));

      HttpResponse<String> list = http.send("GET", fileset + "/files?path=shards/", null);
      assertThat(list.statusCode()).isEqualTo(200);
      assertThat(list.body()).contains("\"path\":\"shards/model-00001.bin\"");

      assertThat(http.send("DELETE", file, null).statusCode()).isEqualTo(200);
      assertThat(http.send("GET", file, null).statusCode()).isEqualTo(404);
      assertThat(http.send("GET", fileset + "/files", null).body()).isEqualTo("{\"data\":[]}");
    }
  }

  @Test
  void givenAModelThatIsAnothersBaseModel_delete_isAConflictUntilTheOtherGoes() throws Exception {
    try (RegistryApplication app = start()) {
      RegistryHttp http = new RegistryHttp(app);
      assertThat(http.send("POST", MODELS, "{\"name\": \"base\"}").statusCode()).isEqualTo(201);
      assertThat(
              http.send("POST", MODELS, "{\"name\": \"tuned\", \"base_model\": \"team/base\"}")
                  .statusCode())
          .isEqualTo(201);

      HttpResponse<String> refused = http.send("DELETE", MODELS + "/base", null);
      assertThat(refused.statusCode()).isEqualTo(409);
      assertThat(refused.body()).contains("team/tuned");
      assertThat(http.send("GET", MODELS + "/base", null).statusCode()).isEqualTo(200);

      assertThat(http.send("DELETE", MODELS + "/tuned", null).statusCode()).isEqualTo(204);
      assertThat(http.send("DELETE", MODELS + "/base", null).statusCode()).isEqualTo(204);
    }
  }
}
