package org.modelregistry.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The workspace lists' {@code filter[...]} operators through the whole registry, so that SQLite's
 * SQL answers as the HTTP tests' in-memory fakes do.
 */
class WorkspaceListFiltersSystemTest {

  private static final String MODELS = "/apis/models/v2/workspaces/team/models";
  private static final String FILESETS = "/apis/files/v2/workspaces/team/filesets";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path dataDir;
  private RegistryApplication app;
  private RegistryHttp http;

  @BeforeEach
  void start() {
    app =
        RegistryApplication.start(
            SettingsLoader.load(
                new String[] {
                  "--port", "0", "--host", "127.0.0.1", "--data-dir", dataDir.toString()
                },
                Map.of("REGISTRY_AUTHENTICATION", "local")));
    http = new RegistryHttp(app);
  }

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  void givenModelEntities_list_filtersWithEveryOperatorInSqlite() throws Exception {
    post(MODELS, "{\"name\": \"llama-base\", \"description\": \"Base LLaMA\"}");
    String second =
        post(
                MODELS,
                "{\"name\": \"llama-chat\", \"base_model\": \"team/llama-base\","
                    + " \"description\": \"chat 100%\"}")
            .get("created_at")
            .stringValue();
    post(MODELS, "{\"name\": \"mistral\"}");

    assertThat(names(MODELS + "?filter[name][$like]=LLAMA"))
        .containsExactly("llama-base", "llama-chat");
    assertThat(names(MODELS + "?filter[name][$in]=mistral,llama-base"))
        .containsExactly("llama-base", "mistral");
    assertThat(names(MODELS + "?filter[name][$nin]=mistral&filter[name][$nin]=llama-base"))
        .containsExactly("llama-chat");
    assertThat(names(MODELS + "?filter[description][$nin]=" + encode("Base LLaMA")))
        .containsExactly("llama-chat", "mistral");
    assertThat(names(MODELS + "?filter[description][$like]=" + encode("0%")))
        .containsExactly("llama-chat");
    assertThat(names(MODELS + "?filter[base_model]=false"))
        .containsExactly("llama-base", "mistral");
    assertThat(names(MODELS + "?filter[base_model][name][$like]=base"))
        .containsExactly("llama-chat");
    assertThat(names(MODELS + "?filter[created_at][$gte]=" + second))
        .containsExactly("llama-chat", "mistral");
    assertThat(
            names(
                MODELS
                    + "?filter[created_at][$lte]="
                    + second
                    + "&filter[created_at][$gte]="
                    + second))
        .containsExactly("llama-chat");
    // The widest bounds the API admits fit the database's microsecond counts.
    assertThat(
            names(
                MODELS
                    + "?filter[created_at][$gte]=0000-01-01T00:00:00Z"
                    + "&filter[updated_at][$lte]=9999-12-31T23:59:59.999999999Z"))
        .hasSize(3);
  }

  @Test
  void givenFilesets_list_filtersByTextAndTimeRangesInSqlite() throws Exception {
    post(FILESETS, "{\"name\": \"alpha\", \"description\": \"Training data\"}");
    JsonNode beta = post(FILESETS, "{\"name\": \"beta\", \"purpose\": \"dataset\"}");
    post(FILESETS, "{\"name\": \"gamma\"}");
    String patched =
        send("PATCH", FILESETS + "/alpha", "{\"description\": \"Training data, v2\"}")
            .get("updated_at")
            .stringValue();
    String byCreation = FILESETS + "?sort=created_at&";

    assertThat(
            names(byCreation + "filter[created_at][$gte]=" + beta.get("created_at").stringValue()))
        .containsExactly("beta", "gamma");
    assertThat(names(byCreation + "filter[updated_at][$gte]=" + patched)).containsExactly("alpha");
    assertThat(
            names(byCreation + "filter[updated_at][$lte]=" + beta.get("updated_at").stringValue()))
        .containsExactly("beta");
    assertThat(names(byCreation + "filter[description][$like]=DATA&filter[storage_type]=local"))
        .containsExactly("alpha");
    assertThat(names(byCreation + "filter[name][$nin]=beta&filter[purpose]=generic"))
        .containsExactly("alpha", "gamma");
  }

  private List<String> names(String pathAndQuery) throws Exception {
    HttpResponse<String> reply = http.send("GET", pathAndQuery, null);
    assertThat(reply.statusCode()).as(pathAndQuery + ": " + reply.body()).isEqualTo(200);
    List<String> names = new ArrayList<>();
    JSON.readTree(reply.body()).get("data").forEach(n -> names.add(n.get("name").stringValue()));
    return names;
  }

  private JsonNode post(String path, String body) throws Exception {
    return send("POST", path, body);
  }

  private JsonNode send(String method, String path, String body) throws Exception {
    HttpResponse<String> reply = http.send(method, path, body);
    assertThat(reply.statusCode()).as(reply.body()).isBetween(200, 201);
    return JSON.readTree(reply.body());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
