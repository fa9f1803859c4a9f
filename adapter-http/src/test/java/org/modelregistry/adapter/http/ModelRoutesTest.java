package org.modelregistry.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modelregistry.adapter.http.ApiFixture.json;
import static org.modelregistry.adapter.http.TemplateRoutesTest.names;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modelregistry.adapter.http.ApiFixture.Reply;
import tools.jackson.databind.JsonNode;

class ModelRoutesTest {

  private static final String COMPLETION_REQUEST_SCHEMA =
      """
      {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
       "properties": {
         "prompts": {"type": "array", "items": {"type": "string"}, "minItems": 1},
         "model_request_parameters": {"type": "object", "properties": {}, "required": [],
                                      "additionalProperties": false}},
       "required": ["prompts"], "additionalProperties": false}
      """;
  private static final String COMPLETION_RESPONSE_SCHEMA =
      """
      {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
       "properties": {"completions": {"type": "array", "items": {"type": "string"}},
                      "finish_reason": {"type": "string"}},
       "required": ["completions"], "additionalProperties": false}
      """;

  private ApiFixture api;

  @BeforeEach
  void start() {
    api = ApiFixture.start();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void givenMinimalModel_post_returnsItWithDerivedFields() {
    Reply reply = api.post("/v4/models", Bodies.model("my-llm"));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json())
        .isEqualTo(
            json(
                """
                {"id": "id-0001", "name": "my-llm", "account_id": "acct-1",
                 "model_type": "COMPLETION",
                 "created_at": "2026-11-23T09:00:00.123456Z",
                 "created_by_user_id": "local-user", "created_by_identity_type": "user",
                 "request_schema": %s, "response_schema": %s,
                 "deployment_count": 0, "supports_multi_turn": false}
                """
                    .formatted(COMPLETION_REQUEST_SCHEMA, COMPLETION_RESPONSE_SCHEMA)));
  }

  @Test
  void givenEveryOptionalField_post_echoesThem() {
    Reply reply =
        api.post(
            "/v4/models",
            """
            {"name": "full", "account_id": "acct-1", "model_type": "CHAT_COMPLETION",
             "display_name": "Full model", "description": "all fields set",
             "model_vendor": "ANTHROPIC", "base_model_id": "base-7b",
             "base_model_metadata": {"ui_model_section_type": "PARTNER", "model_developer": "lab",
               "model_license_url": "https://example.com/license", "delivery_date": "2026-01-01",
               "modelDetails": {"number_of_parameters": 7000000000, "token_context_window": 8192,
                                "languages": 12, "alignments": 2}},
             "model_card": "# card", "training_data_card": "# data", "model_group_id": "g-1"}
            """);

    assertThat(reply.status()).isEqualTo(200);
    JsonNode body = reply.json();
    assertThat(body.get("display_name").stringValue()).isEqualTo("Full model");
    assertThat(body.get("description").stringValue()).isEqualTo("all fields set");
    assertThat(body.get("model_vendor").stringValue()).isEqualTo("ANTHROPIC");
    assertThat(body.get("base_model_id").stringValue()).isEqualTo("base-7b");
    assertThat(body.get("base_model_metadata"))
        .isEqualTo(
            json(
                """
                {"ui_model_section_type": "PARTNER", "model_developer": "lab",
                 "model_license_url": "https://example.com/license", "delivery_date": "2026-01-01",
                 "modelDetails": {"number_of_parameters": 7000000000, "token_context_window": 8192,
                                  "languages": 12, "alignments": 2}}
                """));
    assertThat(body.get("model_card").stringValue()).isEqualTo("# card");
    assertThat(body.get("training_data_card").stringValue()).isEqualTo("# data");
    assertThat(body.get("model_group_id").stringValue()).isEqualTo("g-1");
    assertThat(body.get("supports_multi_turn").booleanValue()).isTrue();
    assertThat(body.get("request_schema").get("required")).isEqualTo(json("[\"messages\"]"));
  }

  @Test
  void givenModelFromTemplate_post_keepsExactParametersAndTemplateRequestParameters() {
    String templateId = api.createTemplate(Bodies.templateWithParameters("t"));

    Reply reply =
        api.post(
            "/v4/models",
            Bodies.modelFrom(
                templateId,
                "m",
                "{\"weights_uri\": \"s3://b/w\", \"max_tokens\": 1.0, \"temperature\": 0.1,"
                    + " \"stream\": true}"));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body())
        .contains(
            "\"model_creation_parameters\":{\"weights_uri\":\"s3://b/w\",\"max_tokens\":1.0,"
                + "\"temperature\":0.1,\"stream\":true}");
    assertThat(reply.json().get("model_template_id").stringValue()).isEqualTo(templateId);
    assertThat(reply.json().get("request_schema").get("properties").get("model_request_parameters"))
        .isEqualTo(
            json(
                """
                {"type": "object",
                 "properties": {"top_k": {"type": "integer", "description": "candidates"}},
                 "required": [], "additionalProperties": false}
                """));
  }

  @Test
  void givenSelectedAccountHeaderAndBodyWithoutAccount_post_createsInTheSelectedAccount() {
    String body = Bodies.model("m").replace("\"account_id\": \"acct-1\",", "");

    Reply reply =
        api.send(
            api.request("/v4/models")
                .header("Content-Type", "application/json")
                .header("x-selected-account-id", "acct-7")
                .POST(BodyPublishers.ofString(body)));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("account_id").stringValue()).isEqualTo("acct-7");
  }

  @Test
  void givenTakenName_post_returns409() {
    api.createModel(Bodies.model("dup"));

    Reply reply = api.post("/v4/models", Bodies.model("dup"));

    assertThat(reply.status()).isEqualTo(409);
    assertThat(reply.json())
        .isEqualTo(json("{\"detail\": \"a model named 'dup' already exists\"}"));
  }

  @Test
  void givenCreatedModel_get_returnsTheSameBodyAsTheCreate() {
    Reply created = api.post("/v4/models", Bodies.model("m"));

    Reply fetched = api.get("/v4/models/" + created.json().get("id").stringValue());

    assertThat(fetched.status()).isEqualTo(200);
    assertThat(fetched.json()).isEqualTo(created.json());
  }

  @Test
  void givenUnknownId_get_returns404WithDetail() {
    Reply reply = api.get("/v4/models/nope");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.json()).isEqualTo(json("{\"detail\": \"model 'nope' was not found\"}"));
  }

  @Test
  void givenDeploymentsView_get_addsAnEmptyDeploymentList() {
    String id = api.createModel(Bodies.model("m"));

    JsonNode body = api.get("/v4/models/" + id + "?view=Deployments").json();

    assertThat(body.get("deployments")).isEqualTo(json("[]"));
    assertThat(body.has("model_group")).isFalse();
  }

  @Test
  void givenModelGroupView_get_addsNoGroupBecauseNoneExists() {
    String id = api.createModel(Bodies.model("m"));

    JsonNode plain = api.get("/v4/models/" + id).json();
    JsonNode withGroupView = api.get("/v4/models/" + id + "?view=ModelGroup").json();

    assertThat(withGroupView).isEqualTo(plain);
  }

  @Test
  void givenBothViews_get_addsDeploymentsOnly() {
    String id = api.createModel(Bodies.model("m"));

    JsonNode body = api.get("/v4/models/" + id + "?view=Deployments&view=ModelGroup").json();

    assertThat(body.get("deployments")).isEqualTo(json("[]"));
    assertThat(body.has("model_group")).isFalse();
  }

  @Test
  void givenModelsOfSeveralTypes_listWithModelType_returnsOnlyThatType() {
    api.createModel(Bodies.model("c1"));
    api.createModel(Bodies.model("e1").replace("COMPLETION", "EMBEDDING"));
    api.createModel(Bodies.model("c2"));

    JsonNode page = api.get("/v4/models?model_type=EMBEDDING").json();

    assertThat(names(page)).containsExactly("e1");
    assertThat(page.get("total_item_count").asInt()).isEqualTo(1);
  }

  @Test
  void givenModelsInGroups_listWithModelGroupId_returnsOnlyThatGroup() {
    api.createModel(Bodies.model("a").replace("\"name\"", "\"model_group_id\": \"g-1\", \"name\""));
    api.createModel(Bodies.model("b").replace("\"name\"", "\"model_group_id\": \"g-2\", \"name\""));
    api.createModel(Bodies.model("c"));

    JsonNode page = api.get("/v4/models?model_group_id=g-2").json();

    assertThat(names(page)).containsExactly("b");
  }

  @Test
  void givenModelsInTwoAccounts_listWithAccountIdOrHeader_returnsOnlyThatAccount() {
    api.createModel(Bodies.model("mine"));
    api.createModel(Bodies.model("theirs").replace("acct-1", "acct-2"));

    JsonNode byQuery = api.get("/v4/models?account_id=acct-2").json();
    JsonNode byHeader =
        api.send(api.request("/v4/models").header("x-selected-account-id", "acct-1")).json();
    JsonNode unfiltered = api.get("/v4/models").json();

    assertThat(names(byQuery)).containsExactly("theirs");
    assertThat(names(byHeader)).containsExactly("mine");
    assertThat(names(unfiltered)).containsExactly("mine", "theirs");
  }

  @Test
  void givenCombinedFilters_list_appliesAllOfThem() {
    api.createModel(Bodies.model("hit").replace("\"name\"", "\"model_group_id\": \"g\", \"name\""));
    api.createModel(
        Bodies.model("wrong-type")
            .replace("COMPLETION", "EMBEDDING")
            .replace("\"name\"", "\"model_group_id\": \"g\", \"name\""));
    api.createModel(
        Bodies.model("wrong-account")
            .replace("acct-1", "acct-2")
            .replace("\"name\"", "\"model_group_id\": \"g\", \"name\""));

    JsonNode page =
        api.get("/v4/models?account_id=acct-1&model_type=COMPLETION&model_group_id=g").json();

    assertThat(names(page)).containsExactly("hit");
  }

  @Test
  void givenModels_listSortedByNameDescending_returnsThatOrderAndNoCursor() {
    for (String name : List.of("bravo", "alpha", "charlie")) {
      api.createModel(Bodies.model(name));
    }

    JsonNode page = api.get("/v4/models?sort_by=name:desc&limit=2").json();

    assertThat(names(page)).containsExactly("charlie", "bravo");
    assertThat(page.has("next_cursor")).isFalse();
    assertThat(page.get("total_item_count").asInt()).isEqualTo(3);
  }

  @Test
  void givenSeveralSortKeys_list_appliesThemInOrder() {
    api.createModel(Bodies.model("b").replace("COMPLETION", "EMBEDDING"));
    api.createModel(Bodies.model("a").replace("COMPLETION", "EMBEDDING"));
    api.createModel(Bodies.model("c"));

    JsonNode page = api.get("/v4/models?sort_by=model_type:desc&sort_by=name:asc").json();

    assertThat(names(page)).containsExactly("a", "b", "c");
  }

  @Test
  void givenSortByDeploymentCount_list_keepsTheDefaultOrder() {
    for (String name : List.of("z", "y", "x")) {
      api.createModel(Bodies.model(name));
    }

    JsonNode page = api.get("/v4/models?sort_by=deployment_count:desc").json();

    assertThat(names(page)).containsExactly("z", "y", "x");
    assertThat(page.has("next_cursor")).isFalse();
  }

  @Test
  void givenFiveModels_listByPageNumber_returnsEachSlice() {
    for (String name : List.of("m1", "m2", "m3", "m4", "m5")) {
      api.createModel(Bodies.model(name));
    }

    JsonNode second = api.get("/v4/models?limit=2&page=2").json();
    JsonNode third = api.get("/v4/models?limit=2&page=3").json();

    assertThat(names(second)).containsExactly("m3", "m4");
    assertThat(names(third)).containsExactly("m5");
    assertThat(second.get("current_page").asInt()).isEqualTo(2);
    assertThat(second.get("total_item_count").asInt()).isEqualTo(5);
  }

  @Test
  void givenFiveModels_walkWithCursorAndFilter_visitsEachMatchOnce() {
    for (String name : List.of("m1", "m2", "m3", "m4", "m5")) {
      api.createModel(Bodies.model(name));
    }
    api.createModel(Bodies.model("other").replace("acct-1", "acct-2"));

    List<String> seen = new ArrayList<>();
    JsonNode page = api.get("/v4/models?limit=2&account_id=acct-1").json();
    seen.addAll(names(page));
    while (page.has("next_cursor")) {
      page =
          api.get(
                  "/v4/models?limit=2&account_id=acct-1&cursor="
                      + page.get("next_cursor").stringValue())
              .json();
      assertThat(page.get("current_page").asInt()).isEqualTo(1);
      seen.addAll(names(page));
    }

    assertThat(seen).containsExactly("m1", "m2", "m3", "m4", "m5");
  }

  @Test
  void givenDeploymentsView_list_addsDeploymentsToEveryItem() {
    api.createModel(Bodies.model("a"));
    api.createModel(Bodies.model("b"));

    JsonNode page = api.get("/v4/models?view=Deployments").json();

    assertThat(page.get("items").values())
        .hasSize(2)
        .allSatisfy(item -> assertThat(item.get("deployments")).isEqualTo(json("[]")));
  }

  @Test
  void givenModel_patch_changesOnlyTheGivenFields() {
    Reply created =
        api.post(
            "/v4/models",
            Bodies.model("m").replace("\"name\"", "\"display_name\": \"Old\", \"name\""));
    String id = created.json().get("id").stringValue();

    Reply patched =
        api.patch(
            "/v4/models/" + id,
            "{\"name\": \"renamed\", \"model_card\": \"# new card\", \"model_type\": \"AGENT\"}");

    assertThat(patched.status()).isEqualTo(200);
    JsonNode body = patched.json();
    assertThat(body.get("name").stringValue()).isEqualTo("renamed");
    assertThat(body.get("model_card").stringValue()).isEqualTo("# new card");
    assertThat(body.get("display_name").stringValue()).isEqualTo("Old");
    assertThat(body.get("supports_multi_turn").booleanValue()).isTrue();
    assertThat(body.get("created_at")).isEqualTo(created.json().get("created_at"));
    assertThat(api.get("/v4/models/" + id).json()).isEqualTo(body);
  }

  @Test
  void givenEmptyPatch_patch_returnsTheModelUnchanged() {
    Reply created = api.post("/v4/models", Bodies.model("m"));

    Reply patched = api.patch("/v4/models/" + created.json().get("id").stringValue(), "{}");

    assertThat(patched.status()).isEqualTo(200);
    assertThat(patched.json()).isEqualTo(created.json());
  }

  @Test
  void givenPatchRepeatingTheTemplate_patch_succeeds() {
    String templateId = api.createTemplate(Bodies.templateWithParameters("t"));
    String id = api.createModel(Bodies.modelFrom(templateId, "m", "{\"weights_uri\": \"s3://a\"}"));

    Reply reply =
        api.patch(
            "/v4/models/" + id,
            "{\"model_template_id\": \"%s\", \"model_creation_parameters\": {\"weights_uri\": \"s3://b\"}}"
                .formatted(templateId));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("model_creation_parameters"))
        .isEqualTo(json("{\"weights_uri\": \"s3://b\"}"));
  }

  @Test
  void givenNameOfAnotherModel_patch_returns409() {
    api.createModel(Bodies.model("taken"));
    String id = api.createModel(Bodies.model("mine"));

    Reply reply = api.patch("/v4/models/" + id, "{\"name\": \"taken\"}");

    assertThat(reply.status()).isEqualTo(409);
    assertThat(reply.json())
        .isEqualTo(json("{\"detail\": \"a model named 'taken' already exists\"}"));
  }

  @Test
  void givenUnknownId_patch_returns404() {
    Reply reply = api.patch("/v4/models/nope", "{\"name\": \"x\"}");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.json()).isEqualTo(json("{\"detail\": \"model 'nope' was not found\"}"));
  }

  @Test
  void givenModel_delete_answersDeleteResponseAndForgetsIt() {
    String id = api.createModel(Bodies.model("m"));

    Reply reply = api.delete("/v4/models/" + id);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json()).isEqualTo(json("{\"success\": true, \"count\": 1}"));
    assertThat(api.get("/v4/models/" + id).status()).isEqualTo(404);
  }

  @Test
  void givenDeletedModel_deleteTemplate_succeeds() {
    String templateId = api.createTemplate(Bodies.template("t"));
    String id =
        api.createModel(
            Bodies.model("m")
                .replace("\"name\"", "\"model_template_id\": \"" + templateId + "\", \"name\""));
    api.delete("/v4/models/" + id);

    Reply reply = api.delete("/v4/model-templates/" + templateId);

    assertThat(reply.status()).isEqualTo(200);
  }

  @Test
  void givenUnknownId_delete_returns404() {
    Reply reply = api.delete("/v4/models/nope");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.json()).isEqualTo(json("{\"detail\": \"model 'nope' was not found\"}"));
  }
}
