package org.modelregistry.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modelregistry.adapter.http.WorkspaceReplies.assertConforms;
import static org.modelregistry.adapter.http.WorkspaceReplies.locs;
import static org.modelregistry.adapter.http.WorkspaceReplies.message;
import static org.modelregistry.adapter.http.WorkspaceReplies.names;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.modelregistry.adapter.http.ApiFixture.Reply;
import tools.jackson.databind.JsonNode;

/**
 * The {@code filter[...]} parameters of {@code GET /apis/files/v2/workspaces/{workspace}/filesets}:
 * the reference's {@code FilesetFilter} in deepObject style, over the real HTTP server.
 */
class FilesetFiltersTest {

  private static final String FILESETS = "/apis/files/v2/workspaces/team/filesets";

  private ApiFixture api;
  private final Map<String, String> created = new LinkedHashMap<>();
  private final Map<String, String> updated = new LinkedHashMap<>();

  /**
   * Four filesets in the registry's own store, created in this order one tick apart: {@code alpha}
   * (dataset, patched last), {@code beta} (generic), {@code gamma} (model, no description) and
   * {@code delta} (generic).
   */
  @BeforeEach
  void start() {
    api = ApiFixture.start();
    create("{\"name\": \"alpha\", \"purpose\": \"dataset\", \"description\": \"Training data\"}");
    create("{\"name\": \"beta\", \"purpose\": \"generic\", \"description\": \"HF mirror\"}");
    create("{\"name\": \"gamma\", \"purpose\": \"model\"}");
    create("{\"name\": \"delta\", \"description\": \"100% local_v2\"}");
    Reply patched = api.patch(FILESETS + "/alpha", "{\"description\": \"Training data, v2\"}");
    assertThat(patched.status()).as(patched.body()).isEqualTo(200);
    for (JsonNode fileset : api.get(FILESETS + "?sort=created_at").json().get("data")) {
      created.put(fileset.get("name").stringValue(), fileset.get("created_at").stringValue());
      updated.put(fileset.get("name").stringValue(), fileset.get("updated_at").stringValue());
    }
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void givenNameFilters_list_appliesEachOperatorAndEchoesIt() {
    Reply plain = list("filter[name]=beta");
    Reply eq = list("filter[name][$eq]=beta");
    Reply like = list("filter[name][$like]=A_");

    assertThat(names(plain)).containsExactly("beta");
    assertThat(plain.json().get("filter")).isEqualTo(json("{'name': 'beta'}"));
    assertThat(names(eq)).containsExactly("beta");
    assertThat(eq.json().get("filter")).isEqualTo(json("{'name': {'$eq': 'beta'}}"));
    assertThat(names(like)).containsExactly("alpha", "gamma");
    assertThat(like.json().get("filter")).isEqualTo(json("{'name': {'$like': 'A_'}}"));
    for (String in :
        List.of(
            "filter[name][$in]=delta&filter[name][$in]=beta",
            "filter[name][$in]=delta,beta",
            "filter[name][$in][]=delta&filter[name][$in][]=beta")) {
      Reply reply = list(in);
      assertThat(names(reply)).as(in).containsExactly("beta", "delta");
      assertThat(reply.json().get("filter"))
          .as(in)
          .isEqualTo(json("{'name': {'$in': ['delta', 'beta']}}"));
    }
    assertThat(names(list("filter[name][$nin]=alpha,gamma"))).containsExactly("beta", "delta");
    assertThat(names(list("filter[name][$nin]=alpha&filter[name][$nin]=gamma")))
        .containsExactly("beta", "delta");
  }

  @Test
  void givenDescriptionFilters_list_matchesAbsentDescriptionsOnlyInNin() {
    assertThat(names(list("filter[description]=" + encode("HF mirror")))).containsExactly("beta");
    assertThat(names(list("filter[description][$like]=DATA"))).containsExactly("alpha");
    assertThat(names(list("filter[description][$like]=" + encode("0%_v"))))
        .containsExactly("delta");
    assertThat(names(list("filter[description][$in]=" + encode("HF mirror,nothing"))))
        .containsExactly("beta");
    Reply nin = list("filter[description][$nin]=" + encode("HF mirror"));
    assertThat(names(nin)).containsExactly("alpha", "gamma", "delta");
    assertThat(nin.json().get("filter"))
        .isEqualTo(json("{'description': {'$nin': ['HF mirror']}}"));
  }

  @Test
  void givenPurposeOrStorageType_list_matchesExactly() {
    create(
        """
        {"name": "hf", "storage": {"type": "huggingface", "repo_id": "org/m"}}""");
    create(
        """
        {"name": "s3", "purpose": "model",
         "storage": {"type": "s3", "bucket": "bkt", "access_key_id_secret": "a",
                     "secret_access_key_secret": "b"}}""");

    Reply purpose = list("filter[purpose]=generic");
    Reply local = list("filter[storage_type]=local");

    assertThat(names(purpose)).containsExactly("beta", "delta", "hf");
    assertThat(purpose.json().get("filter")).isEqualTo(json("{'purpose': 'generic'}"));
    assertThat(names(list("filter[purpose]=dataset"))).containsExactly("alpha");
    assertThat(names(local)).containsExactly("alpha", "beta", "gamma", "delta");
    assertThat(local.json().get("filter")).isEqualTo(json("{'storage_type': 'local'}"));
    assertThat(names(list("filter[storage_type]=s3"))).containsExactly("s3");
    assertThat(names(list("filter[storage_type]=huggingface"))).containsExactly("hf");
    assertThat(names(list("filter[storage_type]=ngc"))).isEmpty();
    assertThat(names(list("filter[storage_type]=s3&filter[purpose]=model"))).containsExactly("s3");
  }

  @Test
  void givenCreatedAtBounds_list_includesTheBounds() {
    String beta = created.get("beta");
    String gamma = created.get("gamma");

    assertThat(names(list("filter[created_at][$gte]=" + beta)))
        .containsExactly("beta", "gamma", "delta");
    assertThat(names(list("filter[created_at][$lte]=" + beta))).containsExactly("alpha", "beta");
    Reply both = list("filter[created_at][$gte]=" + beta + "&filter[created_at][$lte]=" + gamma);
    assertThat(names(both)).containsExactly("beta", "gamma");
    assertThat(both.json().get("filter"))
        .isEqualTo(json("{'created_at': {'$gte': '" + beta + "', '$lte': '" + gamma + "'}}"));
  }

  @Test
  void givenUpdatedAtBounds_list_followsTheLastChange() {
    String patched = updated.get("alpha");

    assertThat(names(list("filter[updated_at][$gte]=" + patched))).containsExactly("alpha");
    assertThat(names(list("filter[updated_at][$lte]=" + updated.get("delta"))))
        .containsExactly("beta", "gamma", "delta");
    Reply reply =
        list(
            "filter[created_at][$lte]="
                + created.get("beta")
                + "&filter[updated_at][$gte]="
                + patched);
    assertThat(names(reply)).containsExactly("alpha");
    assertThat(reply.json().get("filter"))
        .isEqualTo(
            json(
                "{'created_at': {'$lte': '"
                    + created.get("beta")
                    + "'}, 'updated_at': {'$gte': '"
                    + patched
                    + "'}}"));
  }

  @Test
  void givenFiltersOnSeveralKeys_list_combinesThemWithAnd() {
    Reply reply =
        list(
            "filter[purpose]=generic&filter[storage_type]=local&filter[name][$nin]=beta"
                + "&filter[created_at][$gte]="
                + created.get("alpha"));

    assertThat(names(reply)).containsExactly("delta");
    assertThat(reply.json().get("filter"))
        .isEqualTo(
            json(
                "{'name': {'$nin': ['beta']}, 'purpose': 'generic', 'storage_type': 'local',"
                    + " 'created_at': {'$gte': '"
                    + created.get("alpha")
                    + "'}}"));
    assertThat(names(list("filter[purpose]=dataset&filter[storage_type]=s3"))).isEmpty();
    assertConforms(ReferenceSchemas.newRegistry(true), "FilesetOutputsPage", reply.json());
  }

  static Stream<Arguments> rejected() {
    return Stream.of(
        Arguments.of("filter[project]=p", "filter[project]", "filter must name one of name,"),
        Arguments.of("filter[base_model]=true", "filter[base_model]", "filter must name one of"),
        Arguments.of("filter[name][$regex]=x", "filter[name][$regex]", "$eq, $like, $in, $nin"),
        Arguments.of("filter[name]=a&filter[name][$like]=b", "filter[name]", "both as a value"),
        Arguments.of("filter[name]=a&filter[name]=b", "filter[name]", "given only once"),
        Arguments.of("filter[purpose][$in]=model", "filter[purpose][$in]", "plain value"),
        Arguments.of("filter[purpose]=magic", "filter[purpose]", "dataset, generic, model"),
        Arguments.of("filter[storage_type]=ftp", "filter[storage_type]", "local, ngc"),
        Arguments.of("filter[created_at]=2026-01-01T00:00:00Z", "filter[created_at]", "$gte"),
        Arguments.of("filter[updated_at][$gte]=tomorrow", "filter[updated_at][$gte]", "date-time"),
        Arguments.of(
            "filter[updated_at][$lt]=2026-01-01T00:00:00Z", "filter[updated_at][$lt]", "$lte"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejected")
  void givenBadFilter_list_is422AtTheParameter(String query, String parameter, String says) {
    Reply reply = api.get(FILESETS + "?" + query);

    assertThat(reply.status()).as(reply.body()).isEqualTo(422);
    assertThat(locs(reply)).containsExactly(List.of("query", parameter));
    assertThat(message(reply, List.of("query", parameter))).contains(says);
  }

  /** The list in creation order, so that expectations read in the order the set-up wrote. */
  private Reply list(String query) {
    Reply reply = api.get(FILESETS + "?sort=created_at&" + query);
    assertThat(reply.status()).as(query + ": " + reply.body()).isEqualTo(200);
    return reply;
  }

  private void create(String json) {
    Reply reply = api.post(FILESETS, json);
    if (reply.status() != 201) {
      throw new AssertionError("create failed: " + reply.status() + " " + reply.body());
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** JSON written with single quotes, for readability. */
  private static JsonNode json(String singleQuoted) {
    return ApiFixture.json(singleQuoted.replace('\'', '"'));
  }
}
