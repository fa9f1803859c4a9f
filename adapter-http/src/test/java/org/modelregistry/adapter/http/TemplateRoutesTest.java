package org.modelregistry.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modelregistry.adapter.http.ApiFixture.json;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modelregistry.adapter.http.ApiFixture.Reply;
import org.modelregistry.domain.identity.Actor;
import org.modelregistry.domain.identity.IdentityType;
import tools.jackson.databind.JsonNode;

class TemplateRoutesTest {

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
  void givenMinimalTemplate_post_returnsItWithDefaultsIdAndCreator() {
    Reply reply = api.post("/v4/model-templates", Bodies.template("llm-server"));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).startsWith("application/json");
    assertThat(reply.json())
        .isEqualTo(
            json(
                """
                {"id": "id-0001", "name": "llm-server", "account_id": "acct-1",
                 "endpoint_type": "SYNC", "model_type": "COMPLETION",
                 "vendor_configuration": {"vendor": "LAUNCH", "bundle_config": {
                   "registry": "registry.example", "image": "llm-server", "tag": "1.0",
                   "readiness_initial_delay_seconds": 120, "healthcheck_route": "/readyz",
                   "predict_route": "/predict", "streaming_predict_route": "/generate_streaming"}},
                 "created_at": "2026-11-23T09:00:00.123456Z",
                 "created_by_user_id": "local-user", "created_by_identity_type": "user"}
                """));
  }

  @Test
  void givenEverySection_post_echoesThemWithWireValuesAndDefaults() {
    Reply reply =
        api.post(
            "/v4/model-templates",
            """
            {"name": "full", "account_id": "acct-1", "endpoint_type": "STREAMING",
             "model_type": "CHAT_COMPLETION", "endpoint_protocol": "VLLM",
             "vendor_configuration": {
               "vendor": "LAUNCH",
               "bundle_config": {"registry": "r", "image": "i", "tag": "t",
                 "command": ["serve", "--port", "80"], "env": {"MODE": "fast"}},
               "endpoint_config": {"gpus": 1, "gpu_type": "nvidia-hopper-h100-1g20gb"},
               "fine_tuning_job_bundle_config": {"registry": "r", "image": "tune", "tag": "2",
                 "training_dataset_schema_type": "GENERATION",
                 "resources": {"gpus": 2, "gpu_type": "nvidia-ampere-a100"}}},
             "model_request_parameters_schema": {"parameters": [
               {"name": "top_k", "type": "int", "description": "candidates", "required": true}]}}
            """);

    assertThat(reply.status()).isEqualTo(200);
    JsonNode vendor = reply.json().get("vendor_configuration");
    assertThat(vendor.get("bundle_config").get("command"))
        .isEqualTo(json("[\"serve\", \"--port\", \"80\"]"));
    assertThat(vendor.get("bundle_config").get("env")).isEqualTo(json("{\"MODE\": \"fast\"}"));
    assertThat(vendor.get("endpoint_config"))
        .isEqualTo(
            json(
                """
                {"cpus": 3, "memory": "8Gi", "storage": "16Gi", "gpus": 1,
                 "gpu_type": "nvidia-hopper-h100-1g20gb", "min_workers": 0, "max_workers": 1,
                 "per_worker": 10, "endpoint_type": "ASYNC", "high_priority": false}
                """));
    assertThat(vendor.get("fine_tuning_job_bundle_config"))
        .isEqualTo(
            json(
                """
                {"registry": "r", "image": "tune", "tag": "2",
                 "mount_location": "/workspace/launch_specific/config.json",
                 "training_dataset_schema_type": "GENERATION",
                 "resources": {"cpus": 3, "memory": "8Gi", "storage": "16Gi", "gpus": 2,
                               "gpu_type": "nvidia-ampere-a100"}}
                """));
    assertThat(reply.json().get("endpoint_protocol").stringValue()).isEqualTo("VLLM");
    assertThat(reply.json().get("model_request_parameters_schema"))
        .isEqualTo(
            json(
                """
                {"parameters": [
                  {"name": "top_k", "type": "int", "description": "candidates", "required": true}]}
                """));
  }

  @Test
  void givenServiceAccountIdentity_post_recordsItAsCreator() {
    var robot = new Actor("ci-bot", IdentityType.SERVICE_ACCOUNT);
    try (var robotApi = ApiFixture.start(HttpSettings.forLocalIdentity(robot))) {
      JsonNode body = robotApi.post("/v4/model-templates", Bodies.template("t")).json();

      assertThat(body.get("created_by_user_id").stringValue()).isEqualTo("ci-bot");
      assertThat(body.get("created_by_identity_type").stringValue()).isEqualTo("service_account");
    }
  }

  @Test
  void givenCreatedTemplate_get_returnsTheSameBodyAsTheCreate() {
    Reply created = api.post("/v4/model-templates", Bodies.templateWithParameters("t"));

    Reply fetched = api.get("/v4/model-templates/" + created.json().get("id").stringValue());

    assertThat(fetched.status()).isEqualTo(200);
    assertThat(fetched.json()).isEqualTo(created.json());
  }

  @Test
  void givenUnknownId_get_returns404WithDetail() {
    Reply reply = api.get("/v4/model-templates/nope");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.json())
        .isEqualTo(json("{\"detail\": \"model template 'nope' was not found\"}"));
  }

  @Test
  void givenTemplates_list_returnsEnvelopeOldestFirstWithoutCursor() {
    api.createTemplate(Bodies.template("a"));
    api.createTemplate(Bodies.template("b"));

    JsonNode page = api.get("/v4/model-templates").json();

    assertThat(names(page)).containsExactly("a", "b");
    assertThat(page.get("total_item_count").asInt()).isEqualTo(2);
    assertThat(page.get("current_page").asInt()).isEqualTo(1);
    assertThat(page.get("items_per_page").asInt()).isEqualTo(100);
    assertThat(page.has("next_cursor")).isFalse();
    assertThat(page.get("items").get(0)).isEqualTo(api.get("/v4/model-templates/id-0001").json());
  }

  @Test
  void givenFiveTemplates_listByPageNumber_returnsEachSlice() {
    for (String name : List.of("t1", "t2", "t3", "t4", "t5")) {
      api.createTemplate(Bodies.template(name));
    }

    JsonNode first = api.get("/v4/model-templates?limit=2").json();
    JsonNode second = api.get("/v4/model-templates?limit=2&page=2").json();
    JsonNode third = api.get("/v4/model-templates?limit=2&page=3").json();
    JsonNode beyond = api.get("/v4/model-templates?limit=2&page=4").json();

    assertThat(names(first)).containsExactly("t1", "t2");
    assertThat(names(second)).containsExactly("t3", "t4");
    assertThat(names(third)).containsExactly("t5");
    assertThat(names(beyond)).isEmpty();
    assertThat(second.get("current_page").asInt()).isEqualTo(2);
    assertThat(second.get("items_per_page").asInt()).isEqualTo(2);
    assertThat(third.get("total_item_count").asInt()).isEqualTo(5);
    assertThat(first.has("next_cursor")).isTrue();
    assertThat(third.has("next_cursor")).isFalse();
  }

  @Test
  void givenFiveTemplates_walkWithCursor_visitsEachOnceInOrder() {
    for (String name : List.of("t1", "t2", "t3", "t4", "t5")) {
      api.createTemplate(Bodies.template(name));
    }

    List<String> seen = new ArrayList<>();
    List<Integer> pageSizes = new ArrayList<>();
    JsonNode page = api.get("/v4/model-templates?limit=2").json();
    while (true) {
      seen.addAll(names(page));
      pageSizes.add(page.get("items").size());
      assertThat(page.get("total_item_count").asInt()).isEqualTo(5);
      if (!page.has("next_cursor")) {
        break;
      }
      page =
          api.get("/v4/model-templates?limit=2&cursor=" + page.get("next_cursor").stringValue())
              .json();
    }

    assertThat(seen).containsExactly("t1", "t2", "t3", "t4", "t5");
    assertThat(pageSizes).containsExactly(2, 2, 1);
  }

  @Test
  void givenTemplatesInTwoAccounts_listWithAccountId_returnsOnlyThatAccount() {
    api.createTemplate(Bodies.template("mine"));
    api.createTemplate(Bodies.template("theirs").replace("acct-1", "acct-2"));

    JsonNode page = api.get("/v4/model-templates?account_id=acct-2").json();

    assertThat(names(page)).containsExactly("theirs");
    assertThat(page.get("total_item_count").asInt()).isEqualTo(1);
  }

  @Test
  void givenSelectedAccountHeader_list_returnsOnlyThatAccount() {
    api.createTemplate(Bodies.template("mine"));
    api.createTemplate(Bodies.template("theirs").replace("acct-1", "acct-2"));

    Reply reply =
        api.send(api.request("/v4/model-templates").header("x-selected-account-id", "acct-2"));

    assertThat(names(reply.json())).containsExactly("theirs");
  }

  @Test
  void givenAccountIdAndSelectedAccountHeader_list_followsTheQuery() {
    api.createTemplate(Bodies.template("mine"));
    api.createTemplate(Bodies.template("theirs").replace("acct-1", "acct-2"));

    Reply reply =
        api.send(
            api.request("/v4/model-templates?account_id=acct-1")
                .header("x-selected-account-id", "acct-2"));

    assertThat(names(reply.json())).containsExactly("mine");
  }

  @Test
  void givenSelectedAccountHeaderAndBodyWithoutAccount_post_createsInTheSelectedAccount() {
    String body = Bodies.template("t").replace("\"account_id\": \"acct-1\",", "");

    Reply reply =
        api.send(
            api.request("/v4/model-templates")
                .header("Content-Type", "application/json")
                .header("x-selected-account-id", "acct-9")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("account_id").stringValue()).isEqualTo("acct-9");
  }

  @Test
  void givenSelectedAccountHeaderEqualToBodyAccount_post_succeeds() {
    Reply reply =
        api.send(
            api.request("/v4/model-templates")
                .header("Content-Type", "application/json")
                .header("x-selected-account-id", "acct-1")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Bodies.template("t"))));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("account_id").stringValue()).isEqualTo("acct-1");
  }

  @Test
  void givenTakenName_post_returns409AndKeepsTheFirst() {
    api.createTemplate(Bodies.template("dup"));

    Reply reply = api.post("/v4/model-templates", Bodies.template("dup"));

    assertThat(reply.status()).isEqualTo(409);
    assertThat(reply.json())
        .isEqualTo(json("{\"detail\": \"a model template named 'dup' already exists\"}"));
    assertThat(api.get("/v4/model-templates").json().get("total_item_count").asInt()).isEqualTo(1);
  }

  @Test
  void givenSameNameInAnotherAccount_post_succeeds() {
    api.createTemplate(Bodies.template("shared"));

    Reply reply =
        api.post("/v4/model-templates", Bodies.template("shared").replace("acct-1", "acct-2"));

    assertThat(reply.status()).isEqualTo(200);
  }

  @Test
  void givenUnusedTemplate_delete_answersDeleteResponseAndForgetsIt() {
    String id = api.createTemplate(Bodies.template("t"));

    Reply reply = api.delete("/v4/model-templates/" + id);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json()).isEqualTo(json("{\"success\": true, \"count\": 1}"));
    assertThat(api.get("/v4/model-templates/" + id).status()).isEqualTo(404);
  }

  @Test
  void givenTemplateUsedByModel_delete_returns409AndKeepsIt() {
    String id = api.createTemplate(Bodies.template("t"));
    api.createModel(
        Bodies.model("m")
            .replace("\"model_type\"", "\"model_template_id\": \"" + id + "\", \"model_type\""));

    Reply reply = api.delete("/v4/model-templates/" + id);

    assertThat(reply.status()).isEqualTo(409);
    assertThat(reply.json().get("detail").stringValue())
        .isEqualTo("model template '" + id + "' is used by 1 model(s)");
    assertThat(api.get("/v4/model-templates/" + id).status()).isEqualTo(200);
  }

  @Test
  void givenUnknownId_delete_returns404() {
    Reply reply = api.delete("/v4/model-templates/nope");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.json())
        .isEqualTo(json("{\"detail\": \"model template 'nope' was not found\"}"));
  }

  static List<String> names(JsonNode page) {
    List<String> names = new ArrayList<>();
    page.get("items").values().forEach(item -> names.add(item.get("name").stringValue()));
    return names;
  }
}
