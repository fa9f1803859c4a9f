package org.modelregistry.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modelregistry.adapter.http.WorkspaceReplies.assertConforms;
import static org.modelregistry.adapter.http.WorkspaceReplies.locs;
import static org.modelregistry.adapter.http.WorkspaceReplies.names;

import com.networknt.schema.SchemaRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modelregistry.adapter.http.ApiFixture.Reply;
import tools.jackson.databind.JsonNode;

/** The workspace model entity routes, {@code /apis/models/v2/workspaces/{workspace}/models}. */
class WorkspaceModelRoutesTest {

  private static final String MODELS = "/apis/models/v2/workspaces/team/models";
  private static final String API_KEY = "sk-very-SECRET-key-4711";
  private static final String SPEC =
      """
      {"checkpoint_model_name": "ckpt", "family": "llama", "num_layers": 2, "hidden_size": 64,
       "num_attention_heads": 4, "num_kv_heads": 2, "ffn_hidden_size": 128, "vocab_size": 1000,
       "context_size": 8192, "tied_embeddings": false, "gated_mlp": true, "base_num_parameters": 12345,
       "precision": "bfloat16", "is_chat": true, "chat_template": "{{ messages }}"}
      """;

  private static final String PROMPT =
      """
      {"system_prompt": "You are terse.", "icl_few_shot_examples": "Q: 1+1 A: 2",
       "inference_params": {"temperature": 0.7, "max_tokens": 256, "stop": ["END"],
                            "repetition_penalty": 1.10},
       "system_prompt_template": "{{icl_few_shot_examples}}"}
      """;
  private static final String CUSTOM_FIELDS =
      "{\"tier\": \"gold\", \"scores\": [0.1, 2], \"nested\": {\"ok\": true, \"none\": null}}";
  private static final String OWNERSHIP = "{\"team\": \"nlp\", \"oncall\": \"ada@example.com\"}";

  /** Every field the spec of {@link #SPEC} has, in the reference's order. */
  private static final List<String> SPEC_FIELDS =
      List.of(
          "checkpoint_model_name",
          "family",
          "num_layers",
          "hidden_size",
          "num_attention_heads",
          "num_kv_heads",
          "ffn_hidden_size",
          "vocab_size",
          "context_size",
          "tied_embeddings",
          "gated_mlp",
          "base_num_parameters",
          "precision",
          "is_chat",
          "chat_template");

  private ApiFixture api;

  @BeforeEach
  void start() {
    api = ApiFixture.start();
    api.workspace().fileset("team", "weights");
    api.workspace().fileset("team", "lora-files");
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void create_get_delete_roundTrip() {
    Reply created =
        api.post(
            MODELS,
            """
            {"name": "llama-3.1-8b", "description": "a model", "project": "proj/x",
             "finetuning_type": "all_weights", "backend_format": "OPENAI_CHAT",
             "model_providers": ["team/provider"], "spec": %s}
            """
                .formatted(SPEC));

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode body = created.json();
    assertThat(body.get("id").stringValue()).isEqualTo("team/llama-3.1-8b");
    assertThat(body.get("name").stringValue()).isEqualTo("llama-3.1-8b");
    assertThat(body.get("workspace").stringValue()).isEqualTo("team");
    assertThat(body.get("project").stringValue()).isEqualTo("proj/x");
    assertThat(body.get("description").stringValue()).isEqualTo("a model");
    assertThat(body.get("finetuning_type").stringValue()).isEqualTo("all_weights");
    assertThat(body.get("backend_format").stringValue()).isEqualTo("OPENAI_CHAT");
    assertThat(body.get("trust_remote_code").booleanValue()).isFalse();
    assertThat(body.get("model_providers").get(0).stringValue()).isEqualTo("team/provider");
    assertThat(body.get("adapters").size()).isZero();
    assertThat(body.get("spec").get("base_num_parameters").longValue()).isEqualTo(12345L);
    assertThat(body.get("created_at").stringValue()).matches("\\d{4}-.*\\.\\d{6}Z");

    Reply fetched = api.get(MODELS + "/llama-3.1-8b?verbose=true");
    assertThat(fetched.status()).isEqualTo(200);
    assertThat(fetched.json()).isEqualTo(body);

    Reply deleted = api.delete(MODELS + "/llama-3.1-8b");
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(deleted.body()).isEmpty();

    Reply gone = api.get(MODELS + "/llama-3.1-8b");
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.json().get("detail").isString()).isTrue();
  }

  @Test
  void verbose_selectsTheSpecSummaryOrEveryField_onGetListAndPatch() {
    Reply created = api.post(MODELS, "{\"name\": \"m\", \"spec\": " + SPEC + "}");
    List<String> summary = SPEC_FIELDS.subList(0, SPEC_FIELDS.size() - 1);

    assertThat(fieldNames(created.json().get("spec"))).isEqualTo(SPEC_FIELDS);
    assertThat(fieldNames(api.get(MODELS + "/m").json().get("spec"))).isEqualTo(summary);
    assertThat(fieldNames(api.get(MODELS + "/m?verbose=false").json().get("spec")))
        .isEqualTo(summary);
    assertThat(fieldNames(api.get(MODELS + "/m?verbose=true").json().get("spec")))
        .isEqualTo(SPEC_FIELDS);
    assertThat(fieldNames(api.get(MODELS).json().get("data").get(0).get("spec")))
        .isEqualTo(summary);
    assertThat(fieldNames(api.get(MODELS + "?verbose=true").json().get("data").get(0).get("spec")))
        .isEqualTo(SPEC_FIELDS);
    assertThat(fieldNames(api.patch(MODELS + "/m", "{}").json().get("spec"))).isEqualTo(summary);
    assertThat(fieldNames(api.patch(MODELS + "/m?verbose=true", "{}").json().get("spec")))
        .isEqualTo(SPEC_FIELDS);
    JsonNode headline = api.get(MODELS + "/m").json().get("spec");
    assertThat(headline.get("checkpoint_model_name").stringValue()).isEqualTo("ckpt");
    assertThat(headline.get("family").stringValue()).isEqualTo("llama");
    assertThat(headline.get("base_num_parameters").longValue()).isEqualTo(12345L);
    assertThat(headline.get("precision").stringValue()).isEqualTo("bfloat16");
    assertThat(headline.get("context_size").intValue()).isEqualTo(8192);
    assertThat(headline.get("is_chat").booleanValue()).isTrue();
  }

  @Test
  void givenPromptCustomFieldsAndOwnership_create_storesAndReturnsThem() {
    Reply created =
        api.post(
            MODELS,
            """
            {"name": "m", "prompt": %s, "custom_fields": %s, "ownership": %s}
            """
                .formatted(PROMPT, CUSTOM_FIELDS, OWNERSHIP));

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("prompt")).isEqualTo(ApiFixture.json(PROMPT));
    assertThat(created.json().get("custom_fields")).isEqualTo(ApiFixture.json(CUSTOM_FIELDS));
    assertThat(created.json().get("ownership")).isEqualTo(ApiFixture.json(OWNERSHIP));
    // Decimals come back exactly as sent, not as doubles.
    assertThat(created.body()).contains("1.10").contains("0.1");
    JsonNode fetched = api.get(MODELS + "/m").json();
    assertThat(fetched.get("prompt")).isEqualTo(ApiFixture.json(PROMPT));
    assertThat(fetched.get("custom_fields")).isEqualTo(ApiFixture.json(CUSTOM_FIELDS));
    assertThat(fetched.get("ownership")).isEqualTo(ApiFixture.json(OWNERSHIP));
    assertThat(fieldNames(fetched.get("custom_fields")))
        .containsExactly("tier", "scores", "nested");
    assertThat(api.get(MODELS).json().get("data").get(0).get("ownership"))
        .isEqualTo(ApiFixture.json(OWNERSHIP));
  }

  @Test
  void givenNoPromptCustomFieldsOrOwnership_responses_haveEmptyCustomFieldsOnly() {
    JsonNode body = api.post(MODELS, "{\"name\": \"m\"}").json();

    assertThat(body.has("prompt")).isFalse();
    assertThat(body.has("ownership")).isFalse();
    assertThat(body.get("custom_fields")).isEqualTo(ApiFixture.json("{}"));
  }

  @Test
  void patch_replacesOneOfPromptCustomFieldsAndOwnership_andKeepsTheOthers() {
    create(
        """
        {"name": "m", "prompt": %s, "custom_fields": %s, "ownership": %s}
        """
            .formatted(PROMPT, CUSTOM_FIELDS, OWNERSHIP));

    Reply patched = api.patch(MODELS + "/m", "{\"custom_fields\": {\"tier\": \"silver\"}}");

    assertThat(patched.status()).as(patched.body()).isEqualTo(200);
    assertThat(patched.json().get("custom_fields"))
        .isEqualTo(ApiFixture.json("{\"tier\": \"silver\"}"));
    assertThat(patched.json().get("prompt")).isEqualTo(ApiFixture.json(PROMPT));
    assertThat(patched.json().get("ownership")).isEqualTo(ApiFixture.json(OWNERSHIP));

    // A prompt is replaced whole, not merged.
    Reply prompt = api.patch(MODELS + "/m", "{\"prompt\": {\"system_prompt\": \"new\"}}");
    assertThat(prompt.json().get("prompt"))
        .isEqualTo(ApiFixture.json("{\"system_prompt\": \"new\"}"));
    assertThat(prompt.json().get("custom_fields"))
        .isEqualTo(ApiFixture.json("{\"tier\": \"silver\"}"));

    Reply other = api.patch(MODELS + "/m", "{\"description\": \"d\"}");
    JsonNode fetched = api.get(MODELS + "/m").json();
    assertThat(other.json()).isEqualTo(fetched);
    assertThat(fetched.get("prompt")).isEqualTo(ApiFixture.json("{\"system_prompt\": \"new\"}"));
    assertThat(fetched.get("ownership")).isEqualTo(ApiFixture.json(OWNERSHIP));

    // Empty values clear.
    JsonNode cleared =
        api.patch(MODELS + "/m", "{\"prompt\": {}, \"custom_fields\": {}, \"ownership\": {}}")
            .json();
    assertThat(cleared.has("prompt")).isFalse();
    assertThat(cleared.has("ownership")).isFalse();
    assertThat(cleared.get("custom_fields")).isEqualTo(ApiFixture.json("{}"));
  }

  @Test
  void givenANewFilesetWhoseSpecIsDerived_patch_keepsPromptCustomFieldsAndOwnershipOfTheBody() {
    api.workspace().file("team", "weights", "config.json", "{}");
    create("{\"name\": \"m\"}");

    Reply patched =
        api.patch(
            MODELS + "/m?verbose=true",
            """
            {"fileset": "team/weights", "prompt": %s, "custom_fields": %s, "ownership": %s}
            """
                .formatted(PROMPT, CUSTOM_FIELDS, OWNERSHIP));

    assertThat(patched.status()).as(patched.body()).isEqualTo(200);
    assertThat(patched.json().get("spec").get("checkpoint_model_name").stringValue())
        .isEqualTo(WorkspaceWorld.DERIVED.checkpointModelName());
    assertThat(patched.json().get("prompt")).isEqualTo(ApiFixture.json(PROMPT));
    assertThat(patched.json().get("custom_fields")).isEqualTo(ApiFixture.json(CUSTOM_FIELDS));
    assertThat(patched.json().get("ownership")).isEqualTo(ApiFixture.json(OWNERSHIP));
  }

  @Test
  void givenPromptOutOfTheReferenceBounds_createAndPatch_are422AtTheParameter() {
    create("{\"name\": \"m\"}");

    Reply created =
        api.post(
            MODELS,
            "{\"name\": \"n\", \"prompt\": {\"inference_params\": {\"temperature\": 2.5}}}");
    Reply patched =
        api.patch(
            MODELS + "/m",
            "{\"prompt\": {\"system_prompt\": 7, \"inference_params\": {\"max_tokens\": 0}}}");
    Reply notAnObject = api.patch(MODELS + "/m", "{\"custom_fields\": [1]}");

    assertThat(created.status()).isEqualTo(422);
    assertThat(locs(created))
        .contains(List.of("body", "prompt", "inference_params", "temperature"));
    assertThat(patched.status()).isEqualTo(422);
    assertThat(locs(patched))
        .contains(
            List.of("body", "prompt", "system_prompt"),
            List.of("body", "prompt", "inference_params", "max_tokens"));
    assertThat(notAnObject.status()).isEqualTo(422);
    assertThat(locs(notAnObject)).contains(List.of("body", "custom_fields"));
    assertThat(api.get(MODELS + "/n").status()).isEqualTo(404);
  }

  @Test
  void givenFilesetWithFiles_create_derivesTheSpec() {
    api.workspace().file("team", "weights", "config.json", "{}");

    Reply created = api.post(MODELS, "{\"name\": \"m\", \"fileset\": \"team/weights\"}");

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("fileset").stringValue()).isEqualTo("team/weights");
    assertThat(created.json().get("spec").get("base_num_parameters").longValue())
        .isEqualTo(WorkspaceWorld.DERIVED.baseNumParameters());
    assertThat(api.get(MODELS + "/m").json().get("spec").has("chat_template")).isFalse();
    assertThat(
            api.get(MODELS + "/m?verbose=true")
                .json()
                .get("spec")
                .get("chat_template")
                .stringValue())
        .isEqualTo(WorkspaceWorld.DERIVED.chatTemplate());
  }

  @Test
  void duplicateName_is409() {
    create("{\"name\": \"m\"}");

    Reply again = api.post(MODELS, "{\"name\": \"m\"}");

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("detail").stringValue()).contains("m");
  }

  @Test
  void badNamePattern_is422AtBodyName() {
    Reply reply = api.post(MODELS, "{\"name\": \"bad name!\"}");

    assertThat(reply.status()).isEqualTo(422);
    assertThat(locs(reply)).contains(List.of("body", "name"));
  }

  @Test
  void missingName_is422() {
    Reply reply = api.post(MODELS, "{}");

    assertThat(reply.status()).isEqualTo(422);
    assertThat(locs(reply)).contains(List.of("body", "name"));
  }

  @Test
  void missingFileset_is422AtBodyFileset() {
    Reply reply = api.post(MODELS, "{\"name\": \"m\", \"fileset\": \"team/nope\"}");

    assertThat(reply.status()).as(reply.body()).isEqualTo(422);
    assertThat(locs(reply)).contains(List.of("body", "fileset"));
  }

  @Test
  void unknownFinetuningType_is422() {
    Reply reply = api.post(MODELS, "{\"name\": \"m\", \"finetuning_type\": \"magic\"}");

    assertThat(reply.status()).isEqualTo(422);
    assertThat(locs(reply)).contains(List.of("body", "finetuning_type"));
  }

  @Test
  void everyRuleAtOnce_listsEveryViolation() {
    Reply reply =
        api.post(
            MODELS,
            """
            {"name": "m", "base_model": "no-slash", "api_endpoint": {"url": "ftp://x"},
             "model_providers": ["bad"], "description": "%s"}
            """
                .formatted("x".repeat(1001)));

    assertThat(reply.status()).isEqualTo(422);
    assertThat(locs(reply))
        .contains(
            List.of("body", "base_model"),
            List.of("body", "model_providers", 0),
            List.of("body", "description"));
    assertThat(reply.json().get("detail").get(0).has("msg")).isTrue();
    assertThat(reply.json().get("detail").get(0).has("type")).isTrue();
  }

  @Test
  void trustRemoteCode_forNonAdmin_is422() {
    Reply reply =
        api.post(
            MODELS,
            "{\"name\": \"m\", \"fileset\": \"team/weights\", \"trust_remote_code\": true}");

    assertThat(reply.status()).isEqualTo(422);
    assertThat(locs(reply)).contains(List.of("body", "trust_remote_code"));
  }

  @Test
  void trustRemoteCode_forAnAdminLocalIdentity_isAccepted() {
    try (var admin =
        ApiFixture.start(
            HttpSettings.forLocalIdentity(ApiFixture.LOCAL).withLocalIdentityAdmin(true))) {
      admin.workspace().fileset("team", "weights");

      Reply reply =
          admin.post(
              MODELS,
              "{\"name\": \"m\", \"fileset\": \"team/weights\", \"trust_remote_code\": true}");

      assertThat(reply.status()).isEqualTo(201);
      assertThat(reply.json().get("trust_remote_code").booleanValue()).isTrue();
    }
  }

  @Test
  void badPathSegment_is422AtPath() {
    Reply reply = api.get("/apis/models/v2/workspaces/team/models/a%20b");

    assertThat(reply.status()).isEqualTo(422);
    assertThat(locs(reply)).contains(List.of("path", "name"));
  }

  @Test
  void unknownModel_is404OnEveryRoute() {
    assertThat(api.get(MODELS + "/nope").status()).isEqualTo(404);
    assertThat(api.patch(MODELS + "/nope", "{}").status()).isEqualTo(404);
    assertThat(api.delete(MODELS + "/nope").status()).isEqualTo(404);
    assertThat(
            api.post(
                    MODELS + "/nope/adapters",
                    "{\"name\": \"a\", \"fileset\": \"team/lora-files\", \"finetuning_type\": \"lora\"}")
                .status())
        .isEqualTo(404);
  }

  @Test
  void list_pagesAndSorts() {
    create("{\"name\": \"b\"}");
    create("{\"name\": \"a\"}");
    create("{\"name\": \"c\"}");

    Reply first = api.get(MODELS + "?page=1&page_size=2&sort=-name");
    Reply second = api.get(MODELS + "?page=2&page_size=2&sort=-name");
    Reply byCreation = api.get(MODELS);

    assertThat(first.status()).isEqualTo(200);
    assertThat(names(first)).containsExactly("c", "b");
    assertThat(first.json().get("pagination"))
        .isEqualTo(
            ApiFixture.json(
                """
                {"page": 1, "page_size": 2, "current_page_size": 2, "total_pages": 2,
                 "total_results": 3}
                """));
    assertThat(first.json().get("sort").stringValue()).isEqualTo("-name");
    assertThat(first.json().get("filter").isObject()).isTrue();
    assertThat(names(second)).containsExactly("a");
    assertThat(second.json().get("pagination").get("current_page_size").intValue()).isEqualTo(1);
    assertThat(names(byCreation)).containsExactly("b", "a", "c");
    assertThat(byCreation.json().get("sort").stringValue()).isEqualTo("created_at");
    assertThat(names(api.get(MODELS + "?sort=name"))).containsExactly("a", "b", "c");
  }

  @Test
  void list_emptyWorkspace_hasZeroPages() {
    Reply reply = api.get("/apis/models/v2/workspaces/empty/models");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("data").size()).isZero();
    assertThat(reply.json().get("pagination").get("total_pages").intValue()).isZero();
  }

  @Test
  void list_badParameters_are422AtQuery() {
    Reply reply = api.get(MODELS + "?page=0&page_size=1001&sort=size&verbose=maybe");

    assertThat(reply.status()).isEqualTo(422);
    assertThat(locs(reply))
        .contains(
            List.of("query", "page"),
            List.of("query", "page_size"),
            List.of("query", "sort"),
            List.of("query", "verbose"));
  }

  @Test
  void list_filtersByDeepObject() {
    create("{\"name\": \"a\", \"project\": \"p1\", \"finetuning_type\": \"lora_merged\"}");
    create("{\"name\": \"b\", \"project\": \"p2\"}");
    create("{\"name\": \"c\", \"project\": \"p1\"}");

    Reply byProject = api.get(MODELS + "?filter%5Bproject%5D=p1");
    Reply byName = api.get(MODELS + "?filter[name]=b");
    Reply byType = api.get(MODELS + "?filter[finetuning_type]=lora_merged");
    Reply unknown = api.get(MODELS + "?filter[color]=red");
    Reply badType = api.get(MODELS + "?filter[finetuning_type]=magic");

    assertThat(names(byProject)).containsExactly("a", "c");
    assertThat(byProject.json().get("filter")).isEqualTo(ApiFixture.json("{\"project\": \"p1\"}"));
    assertThat(names(byName)).containsExactly("b");
    assertThat(names(byType)).containsExactly("a");
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(locs(unknown)).contains(List.of("query", "filter[color]"));
    assertThat(badType.status()).isEqualTo(422);
    assertThat(locs(badType)).contains(List.of("query", "filter[finetuning_type]"));
  }

  @Test
  void patch_keepsUnspecifiedFields() {
    create(
        """
        {"name": "m", "description": "old", "project": "proj", "finetuning_type": "lora_merged",
         "fileset": "team/weights"}
        """);

    Reply patched = api.patch(MODELS + "/m", "{\"description\": \"new\"}");

    assertThat(patched.status()).as(patched.body()).isEqualTo(200);
    JsonNode body = patched.json();
    assertThat(body.get("description").stringValue()).isEqualTo("new");
    assertThat(body.get("project").stringValue()).isEqualTo("proj");
    assertThat(body.get("finetuning_type").stringValue()).isEqualTo("lora_merged");
    assertThat(body.get("fileset").stringValue()).isEqualTo("team/weights");
    assertThat(api.get(MODELS + "/m").json().get("description").stringValue()).isEqualTo("new");
  }

  @Test
  void patch_badValues_are422AtBody() {
    create("{\"name\": \"m\"}");

    Reply reply =
        api.patch(
            MODELS + "/m",
            "{\"fileset\": \"team/nope\", \"finetuning_type\": \"magic\", \"description\": 5}");

    assertThat(reply.status()).isEqualTo(422);
    assertThat(locs(reply))
        .contains(List.of("body", "finetuning_type"), List.of("body", "description"));
  }

  @Test
  void patch_missingFileset_is422() {
    create("{\"name\": \"m\"}");

    Reply reply = api.patch(MODELS + "/m", "{\"fileset\": \"team/nope\"}");

    assertThat(reply.status()).isEqualTo(422);
    assertThat(locs(reply)).contains(List.of("body", "fileset"));
  }

  @Test
  void adapters_lifecycle() {
    create("{\"name\": \"base\"}");

    Reply added =
        api.post(
            MODELS + "/base/adapters",
            """
            {"name": "lora-v1", "fileset": "team/lora-files", "finetuning_type": "lora",
             "lora_config": {"rank": 8, "alpha": 16}, "description": "first"}
            """);

    assertThat(added.status()).as(added.body()).isEqualTo(201);
    JsonNode adapter = added.json();
    assertThat(adapter.get("name").stringValue()).isEqualTo("lora-v1");
    assertThat(adapter.get("workspace").stringValue()).isEqualTo("team");
    assertThat(adapter.get("model").stringValue()).isEqualTo("team/base");
    assertThat(adapter.get("enabled").booleanValue()).isTrue();
    assertThat(adapter.get("lora_config"))
        .isEqualTo(ApiFixture.json("{\"rank\": 8, \"alpha\": 16}"));
    assertThat(api.get(MODELS + "/base").json().get("adapters").get(0)).isEqualTo(adapter);

    Reply duplicate =
        api.post(
            MODELS + "/base/adapters",
            "{\"name\": \"lora-v1\", \"fileset\": \"team/lora-files\", \"finetuning_type\": \"lora\"}");
    assertThat(duplicate.status()).isEqualTo(409);

    Reply patched = api.patch(MODELS + "/base/adapters/lora-v1", "{\"enabled\": false}");
    assertThat(patched.status()).as(patched.body()).isEqualTo(200);
    assertThat(patched.json().get("enabled").booleanValue()).isFalse();
    assertThat(patched.json().get("description").stringValue()).isEqualTo("first");
    assertThat(
            api.get(MODELS + "/base").json().get("adapters").get(0).get("enabled").booleanValue())
        .isFalse();

    Reply deleted = api.delete(MODELS + "/base/adapters/lora-v1");
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(api.get(MODELS + "/base").json().get("adapters").size()).isZero();
    assertThat(api.delete(MODELS + "/base/adapters/lora-v1").status()).isEqualTo(404);
    assertThat(api.patch(MODELS + "/base/adapters/lora-v1", "{}").status()).isEqualTo(404);
  }

  @Test
  void adapter_badBodies_are422() {
    create("{\"name\": \"base\"}");

    Reply missing = api.post(MODELS + "/base/adapters", "{\"name\": \"a\"}");
    Reply noFileset =
        api.post(
            MODELS + "/base/adapters",
            "{\"name\": \"a\", \"fileset\": \"team/nope\", \"finetuning_type\": \"lora\"}");
    Reply badLora =
        api.post(
            MODELS + "/base/adapters",
            """
            {"name": "a", "fileset": "team/lora-files", "finetuning_type": "lora",
             "lora_config": {"rank": 0}}
            """);

    assertThat(missing.status()).isEqualTo(422);
    assertThat(locs(missing))
        .contains(List.of("body", "fileset"), List.of("body", "finetuning_type"));
    assertThat(noFileset.status()).isEqualTo(422);
    assertThat(locs(noFileset)).contains(List.of("body", "fileset"));
    assertThat(badLora.status()).isEqualTo(422);
    assertThat(locs(badLora)).contains(List.of("body", "lora_config", "rank"));
  }

  @Test
  void apiKey_isNeverInAnyResponse() {
    List<Reply> replies = new ArrayList<>();
    replies.add(
        api.post(
            MODELS,
            """
            {"name": "m", "api_endpoint": {"url": "https://inference.example/v1",
             "model_id": "m-1", "api_key": "%s", "format": "openai"}}
            """
                .formatted(API_KEY)));
    replies.add(api.get(MODELS + "/m?verbose=true"));
    replies.add(api.get(MODELS + "?verbose=true"));
    replies.add(api.patch(MODELS + "/m", "{\"description\": \"d\"}"));
    replies.add(
        api.patch(
            MODELS + "/m",
            "{\"api_endpoint\": {\"url\": \"https://other.example\", \"api_key\": \"%s\"}}"
                .formatted(API_KEY)));
    replies.add(
        api.post(
            MODELS,
            "{\"name\": \"bad name\", \"api_endpoint\": {\"url\": \"nope\", \"api_key\": \"%s\"}}"
                .formatted(API_KEY)));

    assertThat(replies.get(0).status()).isEqualTo(201);
    assertThat(replies.get(0).json().get("api_endpoint"))
        .isEqualTo(
            ApiFixture.json(
                "{\"url\": \"https://inference.example/v1\", \"model_id\": \"m-1\","
                    + " \"format\": \"openai\"}"));
    assertThat(replies.get(4).status()).isEqualTo(200);
    assertThat(replies.get(5).status()).isEqualTo(422);
    for (Reply reply : replies) {
      assertThat(reply.body())
          .doesNotContain(API_KEY)
          .doesNotContain("SECRET")
          .doesNotContain("api_key\":");
    }
  }

  @Test
  void responses_conformToTheReferenceSchemas() {
    Reply created =
        api.post(
            MODELS,
            """
            {"name": "full", "description": "d", "project": "p", "finetuning_type": "lora_merged",
             "backend_format": "ANTHROPIC_MESSAGES", "fileset": "team/weights",
             "model_providers": ["team/prov"], "spec": %s,
             "api_endpoint": {"url": "https://x.example", "api_key": "k"},
             "prompt": %s, "custom_fields": %s, "ownership": %s}
            """
                .formatted(SPEC, PROMPT, CUSTOM_FIELDS, OWNERSHIP));
    create("{\"name\": \"minimal\"}");
    Reply adapter =
        api.post(
            MODELS + "/full/adapters",
            "{\"name\": \"a\", \"fileset\": \"team/lora-files\", \"finetuning_type\": \"lora\","
                + " \"lora_config\": {\"rank\": 4}}");
    Reply invalid = api.post(MODELS, "{\"name\": 7}");

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    SchemaRegistry registry = ReferenceSchemas.newRegistry(true);
    assertConforms(registry, "ModelEntity", created.json());
    assertConforms(registry, "ModelEntity", api.get(MODELS + "/full?verbose=true").json());
    // The spec summary is a valid ModelSpec too: it keeps every field the reference requires.
    assertConforms(registry, "ModelEntity", api.get(MODELS + "/full").json());
    assertConforms(registry, "ModelEntity", api.patch(MODELS + "/full", "{}").json());
    assertConforms(registry, "ModelEntity", api.get(MODELS + "/minimal").json());
    assertConforms(registry, "ModelEntitysPage", api.get(MODELS + "?verbose=true").json());
    assertConforms(registry, "ModelEntitysPage", api.get(MODELS).json());
    assertConforms(registry, "Adapter", adapter.json());
    assertConforms(registry, "HTTPValidationError", invalid.json());
  }

  /** The field names of a JSON object, in order. */
  private static List<String> fieldNames(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.propertyNames().forEach(names::add);
    return names;
  }

  private void create(String json) {
    Reply reply = api.post(MODELS, json);
    if (reply.status() != 201) {
      throw new AssertionError("create failed: " + reply.status() + " " + reply.body());
    }
  }
}
