package org.modelregistry.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modelregistry.adapter.http.WorkspaceReplies.assertConforms;
import static org.modelregistry.adapter.http.WorkspaceReplies.locs;
import static org.modelregistry.adapter.http.WorkspaceReplies.message;
import static org.modelregistry.adapter.http.WorkspaceReplies.names;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
 * The {@code filter[...]} parameters of {@code GET /apis/models/v2/workspaces/{workspace}/models}:
 * the reference's {@code ModelEntityFilter} in deepObject style, over the real HTTP server.
 */
class WorkspaceModelFiltersTest {

  private static final String MODELS = "/apis/models/v2/workspaces/team/models";

  private ApiFixture api;

  /** Each entity's {@code created_at} and {@code updated_at} as the API wrote them. */
  private final Map<String, String> created = new LinkedHashMap<>();

  private final Map<String, String> updated = new LinkedHashMap<>();

  /**
   * Four entities, created in this order one tick apart: {@code llama-base} (p1, later given a LoRA
   * adapter), {@code llama-chat} (p2, based on llama-base, all_weights), {@code mistral-7b} (p1, no
   * description, patched last) and {@code mistral-ft} (based on mistral-7b, fileset team/weights).
   */
  @BeforeEach
  void start() {
    api = ApiFixture.start();
    api.workspace().fileset("team", "weights");
    api.workspace().fileset("team", "lora-files");
    create(
        """
        {"name": "llama-base", "project": "p1", "description": "Base LLaMA weights"}""");
    create(
        """
        {"name": "llama-chat", "project": "p2", "base_model": "team/llama-base",
         "finetuning_type": "all_weights", "description": "chat tuned"}""");
    create("{\"name\": \"mistral-7b\", \"project\": \"p1\"}");
    create(
        """
        {"name": "mistral-ft", "base_model": "team/mistral-7b", "fileset": "team/weights",
         "description": "100% tuned_v2"}""");
    Reply adapter =
        api.post(
            MODELS + "/llama-base/adapters",
            "{\"name\": \"lora-1\", \"fileset\": \"team/lora-files\", \"finetuning_type\": \"lora\"}");
    assertThat(adapter.status()).as(adapter.body()).isEqualTo(201);
    Reply patched = api.patch(MODELS + "/mistral-7b", "{\"description\": \"patched\"}");
    assertThat(patched.status()).as(patched.body()).isEqualTo(200);
    for (JsonNode model : api.get(MODELS).json().get("data")) {
      created.put(model.get("name").stringValue(), model.get("created_at").stringValue());
      updated.put(model.get("name").stringValue(), model.get("updated_at").stringValue());
    }
  }

  @AfterEach
  void stop() {
    api.close();
  }

  // ---- text filters --------------------------------------------------------------------------

  @Test
  void givenPlainOrEqName_list_matchesExactlyAndEchoesTheFormGiven() {
    Reply plain = list("filter[name]=llama-chat");
    Reply eq = list("filter[name][$eq]=llama-chat");

    assertThat(names(plain)).containsExactly("llama-chat");
    assertThat(plain.json().get("filter")).isEqualTo(json("{'name': 'llama-chat'}"));
    assertThat(names(eq)).containsExactly("llama-chat");
    assertThat(eq.json().get("filter")).isEqualTo(json("{'name': {'$eq': 'llama-chat'}}"));
    assertThat(names(list("filter[name]=LLAMA-CHAT"))).isEmpty();
  }

  @Test
  void givenLikeName_list_matchesContainedTextIgnoringCaseWithWildcards() {
    Reply like = list("filter[name][$like]=LLAMA");

    assertThat(names(like)).containsExactly("llama-base", "llama-chat");
    assertThat(like.json().get("filter")).isEqualTo(json("{'name': {'$like': 'LLAMA'}}"));
    assertThat(names(list("filter[name][$like]=a_c"))).containsExactly("llama-chat");
    assertThat(names(list("filter[name][$like]=" + encode("m%7")))).containsExactly("mistral-7b");
  }

  @Test
  void givenInNameRepeatedCommaSeparatedOrBracketed_list_readsTheSameList() {
    String expectedEcho = "{'name': {'$in': ['mistral-7b', 'llama-base']}}";
    for (String query :
        List.of(
            "filter[name][$in]=mistral-7b&filter[name][$in]=llama-base",
            "filter[name][$in]=mistral-7b,llama-base",
            "filter[name][$in][]=mistral-7b&filter[name][$in][]=llama-base",
            "filter[name][$in]=mistral-7b&filter[name][$in][]=llama-base")) {
      Reply reply = list(query);

      assertThat(names(reply)).as(query).containsExactly("llama-base", "mistral-7b");
      assertThat(reply.json().get("filter")).as(query).isEqualTo(json(expectedEcho));
    }
  }

  @Test
  void givenNinName_list_leavesOutTheListedNames() {
    Reply repeated = list("filter[name][$nin]=llama-base&filter[name][$nin]=mistral-ft");
    Reply comma = list("filter[name][$nin]=llama-base,mistral-ft");

    assertThat(names(repeated)).containsExactly("llama-chat", "mistral-7b");
    assertThat(names(comma)).containsExactly("llama-chat", "mistral-7b");
    assertThat(comma.json().get("filter"))
        .isEqualTo(json("{'name': {'$nin': ['llama-base', 'mistral-ft']}}"));
  }

  @Test
  void givenSeveralOperatorsOnOneKey_list_appliesAllOfThem() {
    Reply reply =
        list(
            "filter[name][$like]=llama&filter[name][$nin]=llama-base&filter[name][$eq]=llama-chat");

    assertThat(names(reply)).containsExactly("llama-chat");
    assertThat(reply.json().get("filter"))
        .isEqualTo(
            json("{'name': {'$eq': 'llama-chat', '$like': 'llama', '$nin': ['llama-base']}}"));
    assertThat(names(list("filter[name][$like]=llama&filter[name][$in]=mistral-7b"))).isEmpty();
  }

  @Test
  void givenDescriptionFilters_list_matchesAbsentDescriptionsOnlyInNin() {
    assertThat(names(list("filter[description]=" + encode("chat tuned"))))
        .containsExactly("llama-chat");
    assertThat(names(list("filter[description][$eq]=patched"))).containsExactly("mistral-7b");
    assertThat(names(list("filter[description][$like]=TUNED")))
        .containsExactly("llama-chat", "mistral-ft");
    assertThat(names(list("filter[description][$like]=" + encode("0%_v"))))
        .containsExactly("mistral-ft");
    assertThat(names(list("filter[description][$in]=patched,nothing")))
        .containsExactly("mistral-7b");
    assertThat(names(list("filter[description][$nin]=" + encode("chat tuned"))))
        .containsExactly("llama-base", "mistral-7b", "mistral-ft");
  }

  // ---- base_model ----------------------------------------------------------------------------

  @Test
  void givenBaseModelTrueOrFalse_list_splitsOnHavingABaseModel() {
    Reply with = list("filter[base_model]=true");
    Reply without = list("filter[base_model]=false");

    assertThat(names(with)).containsExactly("llama-chat", "mistral-ft");
    assertThat(with.json().get("filter")).isEqualTo(json("{'base_model': true}"));
    assertThat(names(without)).containsExactly("llama-base", "mistral-7b");
    assertThat(without.json().get("filter")).isEqualTo(json("{'base_model': false}"));
    assertThat(names(list("filter[base_model]=TRUE"))).containsExactly("llama-chat", "mistral-ft");
  }

  @Test
  void givenBaseModelReference_list_matchesTheBaseModel() {
    Reply plain = list("filter[base_model]=team/llama-base");
    Reply byName = list("filter[base_model][name]=team/mistral-7b");

    assertThat(names(plain)).containsExactly("llama-chat");
    assertThat(plain.json().get("filter")).isEqualTo(json("{'base_model': 'team/llama-base'}"));
    assertThat(names(byName)).containsExactly("mistral-ft");
    assertThat(byName.json().get("filter"))
        .isEqualTo(json("{'base_model': {'name': 'team/mistral-7b'}}"));
    assertThat(names(list("filter[base_model]=llama-base"))).isEmpty();
  }

  @Test
  void givenBaseModelNameOperators_list_appliesThemToTheReference() {
    Reply like = list("filter[base_model][name][$like]=LLAMA");

    assertThat(names(like)).containsExactly("llama-chat");
    assertThat(like.json().get("filter"))
        .isEqualTo(json("{'base_model': {'name': {'$like': 'LLAMA'}}}"));
    assertThat(names(list("filter[base_model][name][$eq]=team/llama-base")))
        .containsExactly("llama-chat");
    assertThat(names(list("filter[base_model][name][$in]=team/llama-base,team/mistral-7b")))
        .containsExactly("llama-chat", "mistral-ft");
    assertThat(names(list("filter[base_model][name][$nin]=team/llama-base")))
        .containsExactly("llama-base", "mistral-7b", "mistral-ft");
  }

  // ---- plain keys ----------------------------------------------------------------------------

  @Test
  void givenPlainKeys_list_matchesExactly() {
    assertThat(names(list("filter[project]=p1"))).containsExactly("llama-base", "mistral-7b");
    assertThat(names(list("filter[fileset]=team/weights"))).containsExactly("mistral-ft");
    assertThat(names(list("filter[finetuning_type]=all_weights"))).containsExactly("llama-chat");
    // An adapter's type counts too.
    assertThat(names(list("filter[finetuning_type]=lora"))).containsExactly("llama-base");
    assertThat(list("filter[fileset]=team/weights").json().get("filter"))
        .isEqualTo(json("{'fileset': 'team/weights'}"));
  }

  @Test
  void givenWorkspaceFilter_list_isEverythingForThePathsWorkspaceAndNothingForAnother() {
    Reply same = list("filter[workspace]=team");
    Reply other = list("filter[workspace]=elsewhere");

    assertThat(names(same)).containsExactly("llama-base", "llama-chat", "mistral-7b", "mistral-ft");
    assertThat(same.json().get("filter")).isEqualTo(json("{'workspace': 'team'}"));
    assertThat(other.status()).isEqualTo(200);
    assertThat(names(other)).isEmpty();
    assertThat(other.json().get("pagination").get("total_results").intValue()).isZero();
    assertThat(other.json().get("filter")).isEqualTo(json("{'workspace': 'elsewhere'}"));
  }

  // ---- date-time ranges ----------------------------------------------------------------------

  @Test
  void givenCreatedAtBounds_list_includesTheBounds() {
    String second = created.get("llama-chat");
    String third = created.get("mistral-7b");

    assertThat(names(list("filter[created_at][$gte]=" + second)))
        .containsExactly("llama-chat", "mistral-7b", "mistral-ft");
    assertThat(names(list("filter[created_at][$lte]=" + second)))
        .containsExactly("llama-base", "llama-chat");
    Reply both = list("filter[created_at][$gte]=" + second + "&filter[created_at][$lte]=" + third);
    assertThat(names(both)).containsExactly("llama-chat", "mistral-7b");
    assertThat(both.json().get("filter"))
        .isEqualTo(json("{'created_at': {'$gte': '" + second + "', '$lte': '" + third + "'}}"));
    assertThat(
            names(
                list("filter[created_at][$gte]=" + third + "&filter[created_at][$lte]=" + second)))
        .isEmpty();
  }

  @Test
  void givenBoundWithAnOffset_list_comparesTheInstantAndEchoesItInUtc() {
    String second = created.get("llama-chat");
    String inParis =
        OffsetDateTime.ofInstant(Instant.parse(second), ZoneOffset.ofHours(1)).toString();

    Reply reply = list("filter[created_at][$lte]=" + encode(inParis));

    assertThat(inParis).contains("+01:00");
    assertThat(names(reply)).containsExactly("llama-base", "llama-chat");
    assertThat(reply.json().get("filter"))
        .isEqualTo(json("{'created_at': {'$lte': '" + second + "'}}"));
    assertThat(names(list("filter[created_at][$gte]=2026-01-01t00:00:00z"))).hasSize(4);
  }

  @Test
  void givenUpdatedAtBounds_list_followsTheLastChange() {
    // The adapter moved llama-base's update time and the patch mistral-7b's, both after creation.
    String adapterAdded = updated.get("llama-base");

    assertThat(names(list("filter[updated_at][$gte]=" + adapterAdded)))
        .containsExactly("llama-base", "mistral-7b");
    assertThat(names(list("filter[updated_at][$lte]=" + updated.get("mistral-ft"))))
        .containsExactly("llama-chat", "mistral-ft");
    assertThat(
            names(
                list(
                    "filter[created_at][$lte]="
                        + created.get("llama-chat")
                        + "&filter[updated_at][$gte]="
                        + adapterAdded)))
        .containsExactly("llama-base");
  }

  // ---- combinations --------------------------------------------------------------------------

  @Test
  void givenFiltersOnSeveralKeys_list_combinesThemWithAndAndPagesTheResult() {
    Reply reply =
        list(
            "filter[name][$like]=a&filter[base_model]=true&filter[description][$like]=tuned"
                + "&filter[created_at][$gte]="
                + created.get("llama-base")
                + "&sort=-name&page_size=1");

    assertThat(names(reply)).containsExactly("mistral-ft");
    assertThat(reply.json().get("pagination").get("total_results").intValue()).isEqualTo(2);
    assertThat(reply.json().get("filter"))
        .isEqualTo(
            json(
                "{'name': {'$like': 'a'}, 'base_model': true, 'description': {'$like': 'tuned'},"
                    + " 'created_at': {'$gte': '"
                    + created.get("llama-base")
                    + "'}}"));
    assertThat(names(list("filter[project]=p1&filter[base_model]=true"))).isEmpty();
    assertThat(
            names(list("filter[project]=p1&filter[finetuning_type]=lora&filter[base_model]=false")))
        .containsExactly("llama-base");
  }

  @Test
  void givenFilteredList_reply_conformsToTheReferencePage() {
    Reply reply =
        list(
            "filter[name][$in]=llama-chat,mistral-ft&filter[base_model][name][$like]=team"
                + "&filter[updated_at][$lte]="
                + updated.get("mistral-7b")
                + "&verbose=true");

    assertThat(names(reply)).containsExactly("llama-chat", "mistral-ft");
    assertConforms(ReferenceSchemas.newRegistry(true), "ModelEntitysPage", reply.json());
  }

  // ---- what is rejected ----------------------------------------------------------------------

  static Stream<Arguments> rejected() {
    return Stream.of(
        Arguments.of("filter[color]=red", "filter[color]", "filter must name one of name,"),
        Arguments.of("filter=llama", "filter", "filter[key]=value"),
        Arguments.of("filter[name=llama", "filter[name", "filter[key]=value"),
        Arguments.of("filter[name]x=llama", "filter[name]x", "filter[key]=value"),
        Arguments.of("filter[name][$regex]=x", "filter[name][$regex]", "$eq, $like, $in, $nin"),
        Arguments.of("filter[name][$eq][]=x", "filter[name][$eq][]", "$eq, $like, $in, $nin"),
        Arguments.of("filter[name][$in][0]=x", "filter[name][$in][0]", "$eq, $like, $in, $nin"),
        Arguments.of("filter[name]=a&filter[name]=b", "filter[name]", "given only once"),
        Arguments.of(
            "filter[name][$like]=a&filter[name][$like]=b", "filter[name][$like]", "only once"),
        Arguments.of(
            "filter[name]=a&filter[name][$like]=b", "filter[name]", "both as a value and with"),
        Arguments.of(
            "filter[description]=a&filter[description][$in]=b",
            "filter[description]",
            "both as a value and with"),
        Arguments.of("filter[project][$eq]=p1", "filter[project][$eq]", "takes a plain value"),
        Arguments.of("filter[workspace][$in]=team", "filter[workspace][$in]", "plain value"),
        Arguments.of("filter[project]=p1&filter[project]=p2", "filter[project]", "only once"),
        Arguments.of(
            "filter[created_at]=2026-01-01T00:00:00Z", "filter[created_at]", "$gte and $lte"),
        Arguments.of(
            "filter[created_at][$gt]=2026-01-01T00:00:00Z",
            "filter[created_at][$gt]",
            "$gte and $lte"),
        Arguments.of(
            "filter[created_at][$gte]=yesterday",
            "filter[created_at][$gte]",
            "must be a date-time"),
        Arguments.of(
            "filter[updated_at][$lte]=2026-01-01", "filter[updated_at][$lte]", "with an offset"),
        Arguments.of(
            "filter[updated_at][$lte]=2026-01-01T00:00:00",
            "filter[updated_at][$lte]",
            "with an offset"),
        Arguments.of(
            "filter[created_at][$gte]=-300000-01-01T00:00:00Z",
            "filter[created_at][$gte]",
            "years 0000 to 9999"),
        Arguments.of(
            "filter[updated_at][$lte]=%2B10000-01-01T00:00:00Z",
            "filter[updated_at][$lte]", "years 0000 to 9999"),
        Arguments.of(
            "filter[created_at][$gte]=2026-01-01T00:00:00+01:00",
            "filter[created_at][$gte]",
            "send it as %2B"),
        Arguments.of(
            "filter[created_at][$gte]=2026-01-01T00:00:00Z"
                + "&filter[created_at][$gte]=2026-02-01T00:00:00Z",
            "filter[created_at][$gte]",
            "only once"),
        Arguments.of(
            "filter[base_model]=true&filter[base_model][name]=team/x",
            "filter[base_model]",
            "both as a value and as filter[base_model][name]"),
        Arguments.of(
            "filter[base_model][$like]=llama",
            "filter[base_model][$like]",
            "filter[base_model][name]"),
        Arguments.of(
            "filter[base_model][name][$regex]=x",
            "filter[base_model][name][$regex]",
            "filter[base_model][name] takes the operators"),
        Arguments.of(
            "filter[base_model][name]=a&filter[base_model][name][$eq]=b",
            "filter[base_model][name]",
            "both as a value and with operators"),
        Arguments.of("filter[adapters]=true", "filter[adapters]", "not supported yet"),
        Arguments.of(
            "filter[adapters][finetuning_type]=lora",
            "filter[adapters][finetuning_type]",
            "not supported yet"),
        Arguments.of("filter[prompt]=true", "filter[prompt]", "not supported yet"),
        Arguments.of("filter[lora_enabled]=false", "filter[lora_enabled]", "not supported yet"),
        Arguments.of(
            "filter[finetuning_type]=true", "filter[finetuning_type]", "true or false is not"),
        Arguments.of("filter[finetuning_type]=magic", "filter[finetuning_type]", "one of"),
        Arguments.of("filter[fileset]=no-slash", "filter[fileset]", ""),
        Arguments.of("filter[project]=" + encode("bad project!"), "filter[project]", ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejected")
  void givenBadFilter_list_is422AtTheParameter(String query, String parameter, String says) {
    Reply reply = api.get(MODELS + "?" + query);

    assertThat(reply.status()).as(reply.body()).isEqualTo(422);
    assertThat(locs(reply)).containsExactly(List.of("query", parameter));
    assertThat(message(reply, List.of("query", parameter))).contains(says);
    assertConforms(ReferenceSchemas.newRegistry(true), "HTTPValidationError", reply.json());
  }

  @Test
  void givenSeveralBadFilters_list_reportsEachAtItsParameter() {
    Reply reply =
        api.get(
            MODELS
                + "?filter[color]=red&filter[name][$regex]=x&filter[created_at][$gte]=soon"
                + "&filter[adapters]=true&filter[base_model]=true&filter[base_model][name]=x"
                + "&filter[name][$like]=ok&page=0");

    assertThat(reply.status()).isEqualTo(422);
    assertThat(locs(reply))
        .containsExactlyInAnyOrder(
            List.of("query", "page"),
            List.of("query", "filter[color]"),
            List.of("query", "filter[name][$regex]"),
            List.of("query", "filter[created_at][$gte]"),
            List.of("query", "filter[adapters]"),
            List.of("query", "filter[base_model]"));
  }

  private Reply list(String query) {
    Reply reply = api.get(MODELS + "?" + query);
    assertThat(reply.status()).as(query + ": " + reply.body()).isEqualTo(200);
    return reply;
  }

  private void create(String json) {
    Reply reply = api.post(MODELS, json);
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
