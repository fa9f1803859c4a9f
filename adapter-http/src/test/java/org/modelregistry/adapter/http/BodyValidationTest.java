package org.modelregistry.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modelregistry.adapter.http.ApiFixture.json;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.modelregistry.adapter.http.ApiFixture.Reply;
import tools.jackson.databind.JsonNode;

/** Every request body is checked against the reference schema, then by the domain: all at once. */
class BodyValidationTest {

  private ApiFixture api;

  @BeforeEach
  void start() {
    api = ApiFixture.start();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  // --- templates ---------------------------------------------------------------------------

  @Test
  void givenEmptyTemplateBody_post_listsEveryMissingFieldAtOnce() {
    Reply reply = api.post("/v4/model-templates", "{}");

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.json())
        .isEqualTo(
            json(
                """
                {"detail": [
                  {"loc": ["body", "name"], "msg": "name is required", "type": "missing"},
                  {"loc": ["body", "endpoint_type"], "msg": "endpoint_type is required", "type": "missing"},
                  {"loc": ["body", "model_type"], "msg": "model_type is required", "type": "missing"},
                  {"loc": ["body", "vendor_configuration"], "msg": "vendor_configuration is required", "type": "missing"},
                  {"loc": ["body", "account_id"], "msg": "account_id is required", "type": "missing"}]}
                """));
    assertThat(api.get("/v4/model-templates").json().get("total_item_count").asInt()).isZero();
  }

  @Test
  void givenWrongTypes_postTemplate_reportsEveryTypeError() {
    Reply reply =
        api.post(
            "/v4/model-templates",
            """
            {"name": 5, "account_id": true, "endpoint_type": "SYNC", "model_type": "COMPLETION",
             "vendor_configuration": {
               "bundle_config": {"registry": "r", "image": "i", "tag": "t", "command": "serve",
                                 "env": {"A": 1}, "readiness_initial_delay_seconds": "soon"},
               "endpoint_config": {"cpus": 1.5, "high_priority": "yes"}}}
            """);

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.json())
        .isEqualTo(
            json(
                """
                {"detail": [
                  {"loc": ["body", "name"], "msg": "name must be a string", "type": "string_type"},
                  {"loc": ["body", "vendor_configuration", "bundle_config", "command"],
                   "msg": "command must be an array", "type": "list_type"},
                  {"loc": ["body", "vendor_configuration", "bundle_config", "env", "A"],
                   "msg": "A must be a string", "type": "string_type"},
                  {"loc": ["body", "vendor_configuration", "bundle_config", "readiness_initial_delay_seconds"],
                   "msg": "readiness_initial_delay_seconds must be an integer", "type": "int_type"},
                  {"loc": ["body", "vendor_configuration", "endpoint_config", "cpus"],
                   "msg": "cpus must be an integer", "type": "int_type"},
                  {"loc": ["body", "vendor_configuration", "endpoint_config", "high_priority"],
                   "msg": "high_priority must be a boolean", "type": "bool_type"},
                  {"loc": ["body", "account_id"], "msg": "account_id must be a string", "type": "string_type"}]}
                """));
  }

  @Test
  void givenBadEnumValues_postTemplate_reportsEachWithItsAllowedValues() {
    Reply reply =
        api.post(
            "/v4/model-templates",
            """
            {"name": "t", "account_id": "acct-1", "endpoint_type": "sync", "model_type": "CHAT",
             "endpoint_protocol": "HTTP",
             "vendor_configuration": {"vendor": "LLMENGINE",
               "bundle_config": {"registry": "r", "image": "i", "tag": "t"},
               "endpoint_config": {"gpu_type": "NVIDIA_TESLA_T4"}},
             "model_creation_parameters_schema": {"parameters": [
               {"name": "p", "type": "decimal", "description": "d", "required": true}]}}
            """);

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.json())
        .isEqualTo(
            json(
                """
                {"detail": [
                  {"loc": ["body", "endpoint_type"], "type": "enum",
                   "msg": "endpoint_type must be one of SYNC, ASYNC, STREAMING, BATCH"},
                  {"loc": ["body", "model_type"], "type": "enum",
                   "msg": "model_type must be one of COMPLETION, CHAT_COMPLETION, AGENT, EMBEDDING, RERANKING, GENERIC, BUNDLE"},
                  {"loc": ["body", "vendor_configuration", "vendor"], "type": "enum",
                   "msg": "vendor must be one of LAUNCH"},
                  {"loc": ["body", "vendor_configuration", "endpoint_config", "gpu_type"], "type": "enum",
                   "msg": "gpu_type must be one of nvidia-tesla-t4, nvidia-ampere-a10, nvidia-ampere-a100, nvidia-ampere-a100e, nvidia-hopper-h100, nvidia-hopper-h100-1g20gb, nvidia-hopper-h100-3g40gb"},
                  {"loc": ["body", "model_creation_parameters_schema", "parameters", 0, "type"], "type": "enum",
                   "msg": "type must be one of str, int, float, bool"},
                  {"loc": ["body", "endpoint_protocol"], "type": "enum",
                   "msg": "endpoint_protocol must be one of SGP, COHERE, VLLM"}]}
                """));
  }

  @Test
  void givenBundleConfigWithoutRegistryImageAndTag_postTemplate_reportsEachMissing() {
    Reply reply =
        api.post(
            "/v4/model-templates",
            """
            {"name": "t", "account_id": "acct-1", "endpoint_type": "SYNC", "model_type": "COMPLETION",
             "vendor_configuration": {"bundle_config": {}}}
            """);

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.json())
        .isEqualTo(
            json(
                """
                {"detail": [
                  {"loc": ["body", "vendor_configuration", "bundle_config", "registry"],
                   "msg": "registry is required", "type": "missing"},
                  {"loc": ["body", "vendor_configuration", "bundle_config", "image"],
                   "msg": "image is required", "type": "missing"},
                  {"loc": ["body", "vendor_configuration", "bundle_config", "tag"],
                   "msg": "tag is required", "type": "missing"}]}
                """));
  }

  @Test
  void givenVendorConfigurationWithoutBundle_postTemplate_reportsTheBundleMissing() {
    Reply reply =
        api.post(
            "/v4/model-templates",
            Bodies.template("t")
                .replaceAll(
                    "\\{\"bundle_config\":\\s*\\{[^}]*\\}\\}", "{\"endpoint_config\": {}}"));

    assertThat(reply.json())
        .isEqualTo(
            json(
                """
                {"detail": [{"loc": ["body", "vendor_configuration", "bundle_config"],
                             "msg": "bundle_config is required", "type": "missing"}]}
                """));
  }

  @Test
  void givenEmptyImageReference_postTemplate_reportsTheDomainRule() {
    Reply reply =
        api.post("/v4/model-templates", Bodies.template("t").replace("\"llm-server\"", "\"\""));

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.json())
        .isEqualTo(
            json(
                """
                {"detail": [{"loc": ["body", "vendor_configuration", "bundle_config", "image"],
                             "msg": "image must not be empty", "type": "string_too_short"}]}
                """));
  }

  @Test
  void givenDuplicateParameterNames_postTemplate_reportsTheSecondDeclaration() {
    Reply reply =
        api.post(
            "/v4/model-templates",
            Bodies.template("t")
                .replace(
                    "\"name\": \"t\",",
                    """
                    "name": "t", "model_creation_parameters_schema": {"parameters": [
                      {"name": "p", "type": "str", "description": "one", "required": true},
                      {"name": "q", "type": "int", "description": "two", "required": false},
                      {"name": "p", "type": "int", "description": "three", "required": false}]},
                    """));

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.json())
        .isEqualTo(
            json(
                """
                {"detail": [{"loc": ["body", "model_creation_parameters_schema", "parameters", 2, "name"],
                             "msg": "parameter name 'p' is declared more than once",
                             "type": "value_error"}]}
                """));
  }

  @Test
  void givenParameterWithoutRequiredKeys_postTemplate_reportsEachMissingKey() {
    Reply reply =
        api.post(
            "/v4/model-templates",
            Bodies.template("t")
                .replace(
                    "\"name\": \"t\",",
                    "\"name\": \"t\", \"model_request_parameters_schema\": {\"parameters\":"
                        + " [{}]},"));

    assertThat(reply.json())
        .isEqualTo(
            json(
                """
                {"detail": [
                  {"loc": ["body", "model_request_parameters_schema", "parameters", 0, "name"],
                   "msg": "name is required", "type": "missing"},
                  {"loc": ["body", "model_request_parameters_schema", "parameters", 0, "type"],
                   "msg": "type is required", "type": "missing"},
                  {"loc": ["body", "model_request_parameters_schema", "parameters", 0, "description"],
                   "msg": "description is required", "type": "missing"},
                  {"loc": ["body", "model_request_parameters_schema", "parameters", 0, "required"],
                   "msg": "required is required", "type": "missing"}]}
                """));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "'has space', string_pattern_mismatch",
    "'', string_too_short",
    "'slash/name', string_pattern_mismatch",
    "'.', string_pattern_mismatch",
    "'..', string_pattern_mismatch",
  })
  void givenBadName_postTemplate_reportsTheNamingRule(String name, String type) {
    Reply reply = api.post("/v4/model-templates", Bodies.template(name));

    assertThat(reply.status()).isEqualTo(422);
    assertThat(locsAndTypes(reply)).containsExactly("body.name:" + type);
  }

  @Test
  void givenADotSegmentName_postModel_reportsThatTheNameCannotBeOne() {
    Reply reply = api.post("/v4/models", Bodies.model(".."));

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.json())
        .isEqualTo(
            json(
                """
                {"detail": [{"loc": ["body", "name"], "msg": "name cannot be '.' or '..'",
                             "type": "string_pattern_mismatch"}]}
                """));
  }

  @Test
  void givenNameOver255Characters_postTemplate_reportsTooLong() {
    Reply reply = api.post("/v4/model-templates", Bodies.template("n".repeat(256)));

    assertThat(locsAndTypes(reply)).containsExactly("body.name:string_too_long");
  }

  @Test
  void givenSelectedAccountDifferentFromBody_postTemplate_reportsTheConflict() {
    Reply reply =
        api.send(
            api.request("/v4/model-templates")
                .header("Content-Type", "application/json")
                .header("x-selected-account-id", "acct-2")
                .POST(BodyPublishers.ofString(Bodies.template("t"))));

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.json())
        .isEqualTo(
            json(
                """
                {"detail": [{"loc": ["body", "account_id"], "type": "value_error",
                  "msg": "account_id 'acct-1' differs from the account selected by x-selected-account-id ('acct-2')"}]}
                """));
  }

  @Test
  void givenSelectedAccountMismatchAndSchemaViolation_postTemplate_reportsBoth() {
    Reply reply =
        api.send(
            api.request("/v4/model-templates")
                .header("Content-Type", "application/json")
                .header("x-selected-account-id", "acct-2")
                .POST(BodyPublishers.ofString(Bodies.template("t").replace("\"SYNC\"", "1"))));

    assertThat(locsAndTypes(reply))
        .containsExactly("body.account_id:value_error", "body.endpoint_type:string_type");
  }

  @Test
  void givenSchemaViolationAndDomainRuleViolation_postTemplate_reportsBothOnce() {
    Reply reply =
        api.post(
            "/v4/model-templates",
            Bodies.template("has space").replace("\"SYNC\"", "\"NOPE\"").replace("\"1.0\"", "1"));

    assertThat(reply.status()).isEqualTo(422);
    assertThat(locsAndTypes(reply))
        .containsExactlyInAnyOrder(
            "body.endpoint_type:enum",
            "body.vendor_configuration.bundle_config.tag:string_type",
            "body.name:string_pattern_mismatch");
  }

  // --- models ------------------------------------------------------------------------------

  @Test
  void givenEmptyModelBody_post_listsEveryMissingFieldAtOnce() {
    Reply reply = api.post("/v4/models", "{}");

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.json())
        .isEqualTo(
            json(
                """
                {"detail": [
                  {"loc": ["body", "name"], "msg": "name is required", "type": "missing"},
                  {"loc": ["body", "model_type"], "msg": "model_type is required", "type": "missing"},
                  {"loc": ["body", "account_id"], "msg": "account_id is required", "type": "missing"}]}
                """));
  }

  @Test
  void givenWrongTypesAndUnknownEnums_postModel_reportsEach() {
    Reply reply =
        api.post(
            "/v4/models",
            """
            {"name": "m", "account_id": "acct-1", "model_type": "COMPLETION",
             "display_name": null, "model_vendor": "ACME", "model_creation_parameters": [],
             "base_model_metadata": {"ui_model_section_type": "OTHER",
                                     "modelDetails": {"languages": "many"}}}
            """);

    assertThat(reply.status()).isEqualTo(422);
    assertThat(locsAndTypes(reply))
        .containsExactly(
            "body.display_name:string_type",
            "body.model_vendor:enum",
            "body.base_model_metadata.ui_model_section_type:enum",
            "body.base_model_metadata.modelDetails.languages:int_type",
            "body.model_creation_parameters:dict_type");
  }

  @Test
  void givenDescriptionOver1000Characters_postModel_reportsTooLong() {
    Reply reply =
        api.post(
            "/v4/models",
            Bodies.model("m")
                .replace("\"name\"", "\"description\": \"" + "d".repeat(1001) + "\", \"name\""));

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.json())
        .isEqualTo(
            json(
                """
                {"detail": [{"loc": ["body", "description"],
                             "msg": "description must be at most 1000 characters",
                             "type": "string_too_long"}]}
                """));
  }

  @Test
  void givenDescriptionOfExactly1000Characters_postModel_succeeds() {
    Reply reply =
        api.post(
            "/v4/models",
            Bodies.model("m")
                .replace("\"name\"", "\"description\": \"" + "d".repeat(1000) + "\", \"name\""));

    assertThat(reply.status()).isEqualTo(200);
  }

  @Test
  void givenCreationParametersBreakingTheTemplate_postModel_reportsEveryProblem() {
    String templateId = api.createTemplate(Bodies.templateWithParameters("t"));

    Reply reply =
        api.post(
            "/v4/models",
            Bodies.modelFrom(
                templateId, "m", "{\"max_tokens\": 1.5, \"stream\": 1, \"surprise\": true}"));

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.json())
        .isEqualTo(
            json(
                """
                {"detail": [
                  {"loc": ["body", "model_creation_parameters", "weights_uri"],
                   "msg": "required parameter 'weights_uri' is missing", "type": "missing"},
                  {"loc": ["body", "model_creation_parameters", "max_tokens"],
                   "msg": "parameter 'max_tokens' must be of type int", "type": "int_type"},
                  {"loc": ["body", "model_creation_parameters", "stream"],
                   "msg": "parameter 'stream' must be of type bool", "type": "bool_type"},
                  {"loc": ["body", "model_creation_parameters", "surprise"],
                   "msg": "parameter 'surprise' is not declared by the template",
                   "type": "extra_forbidden"}]}
                """));
  }

  @Test
  void givenRequiredParameterNull_postModel_reportsItMissing() {
    String templateId = api.createTemplate(Bodies.templateWithParameters("t"));

    Reply reply =
        api.post("/v4/models", Bodies.modelFrom(templateId, "m", "{\"weights_uri\": null}"));

    assertThat(locsAndTypes(reply))
        .containsExactly("body.model_creation_parameters.weights_uri:missing");
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "max_tokens | 1.5 | int_type",
        "max_tokens | \"1\" | int_type",
        "max_tokens | true | int_type",
        "temperature | \"x\" | float_type",
        "temperature | false | float_type",
        "stream | 1 | bool_type",
        "stream | \"true\" | bool_type",
        "weights_uri | 2 | string_type",
        "weights_uri | [\"s3://a\"] | string_type",
      })
  void givenParameterOfWrongType_postModel_reportsTheTypeMismatch(
      String parameter, String value, String type) {
    String templateId = api.createTemplate(Bodies.templateWithParameters("t"));
    String parameters =
        parameter.equals("weights_uri")
            ? "{\"weights_uri\": " + value + "}"
            : "{\"weights_uri\": \"s3://a\", \"" + parameter + "\": " + value + "}";

    Reply reply = api.post("/v4/models", Bodies.modelFrom(templateId, "m", parameters));

    assertThat(reply.status()).isEqualTo(422);
    assertThat(locsAndTypes(reply))
        .containsExactly("body.model_creation_parameters." + parameter + ":" + type);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "max_tokens | 1",
        "max_tokens | 1.0",
        "max_tokens | 12345678901234567890",
        "temperature | 1",
        "temperature | 0.1",
        "stream | false",
      })
  void givenParameterOfAcceptedType_postModel_succeeds(String parameter, String value) {
    String templateId = api.createTemplate(Bodies.templateWithParameters("t"));

    Reply reply =
        api.post(
            "/v4/models",
            Bodies.modelFrom(
                templateId,
                "m",
                "{\"weights_uri\": \"s3://a\", \"" + parameter + "\": " + value + "}"));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("model_creation_parameters").get(parameter)).isEqualTo(json(value));
  }

  @Test
  void givenModelTypeDifferentFromTemplate_postModel_reportsTheMismatch() {
    String templateId = api.createTemplate(Bodies.templateWithParameters("t"));

    Reply reply =
        api.post(
            "/v4/models",
            Bodies.modelFrom(templateId, "m", "{\"weights_uri\": \"s3://a\"}")
                .replace("COMPLETION", "EMBEDDING"));

    assertThat(reply.json())
        .isEqualTo(
            json(
                """
                {"detail": [{"loc": ["body", "model_type"], "type": "value_error",
                  "msg": "model_type EMBEDDING does not match the template's model_type COMPLETION"}]}
                """));
  }

  @Test
  void givenCreationParametersWithoutTemplate_postModel_reportsThem() {
    Reply reply =
        api.post(
            "/v4/models",
            Bodies.model("m")
                .replace("\"name\"", "\"model_creation_parameters\": {\"a\": 1}, \"name\""));

    assertThat(reply.json())
        .isEqualTo(
            json(
                """
                {"detail": [{"loc": ["body", "model_creation_parameters"], "type": "value_error",
                  "msg": "model_creation_parameters require a model_template_id"}]}
                """));
  }

  @Test
  void givenUnknownTemplate_postModel_reportsTheTemplateId() {
    Reply reply =
        api.post(
            "/v4/models",
            Bodies.model("m").replace("\"name\"", "\"model_template_id\": \"ghost\", \"name\""));

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.json())
        .isEqualTo(
            json(
                """
                {"detail": [{"loc": ["body", "model_template_id"], "type": "value_error",
                  "msg": "no model template 'ghost' exists in account 'acct-1'"}]}
                """));
  }

  @Test
  void givenTemplateOfAnotherAccount_postModel_reportsTheTemplateId() {
    String templateId = api.createTemplate(Bodies.template("t").replace("acct-1", "acct-2"));

    Reply reply =
        api.post(
            "/v4/models",
            Bodies.model("m")
                .replace("\"name\"", "\"model_template_id\": \"" + templateId + "\", \"name\""));

    assertThat(locsAndTypes(reply)).containsExactly("body.model_template_id:value_error");
  }

  @Test
  void givenSelectedAccountDifferentFromBody_postModel_reportsTheConflict() {
    Reply reply =
        api.send(
            api.request("/v4/models")
                .header("Content-Type", "application/json")
                .header("x-selected-account-id", "acct-2")
                .POST(BodyPublishers.ofString(Bodies.model("m"))));

    assertThat(reply.status()).isEqualTo(422);
    assertThat(locsAndTypes(reply)).containsExactly("body.account_id:value_error");
    assertThat(api.get("/v4/models").json().get("total_item_count").asInt()).isZero();
  }

  // --- partial updates ---------------------------------------------------------------------

  @Test
  void givenUnknownFieldAndAccountId_patch_reportsBothAsExtra() {
    String id = api.createModel(Bodies.model("m"));

    Reply reply =
        api.patch("/v4/models/" + id, "{\"account_id\": \"acct-2\", \"colour\": \"blue\"}");

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.json())
        .isEqualTo(
            json(
                """
                {"detail": [
                  {"loc": ["body", "account_id"], "type": "extra_forbidden",
                   "msg": "account_id is not a field of PartialModelInstanceRequest"},
                  {"loc": ["body", "colour"], "type": "extra_forbidden",
                   "msg": "colour is not a field of PartialModelInstanceRequest"}]}
                """));
    assertThat(api.get("/v4/models/" + id).json().get("account_id").stringValue())
        .isEqualTo("acct-1");
  }

  @Test
  void givenOtherTemplateId_patch_reportsThatTheTemplateCannotChange() {
    String first = api.createTemplate(Bodies.template("t1"));
    String second = api.createTemplate(Bodies.template("t2"));
    String id =
        api.createModel(
            Bodies.model("m")
                .replace("\"name\"", "\"model_template_id\": \"" + first + "\", \"name\""));

    Reply reply = api.patch("/v4/models/" + id, "{\"model_template_id\": \"" + second + "\"}");

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.json())
        .isEqualTo(
            json(
                """
                {"detail": [{"loc": ["body", "model_template_id"], "type": "value_error",
                  "msg": "model_template_id cannot be changed after creation"}]}
                """));
  }

  @Test
  void givenWrongTypes_patch_reportsEach() {
    String id = api.createModel(Bodies.model("m"));

    Reply reply =
        api.patch(
            "/v4/models/" + id, "{\"name\": null, \"model_type\": \"TEXT\", \"model_card\": 3}");

    assertThat(locsAndTypes(reply))
        .containsExactly(
            "body.name:string_type", "body.model_type:enum", "body.model_card:string_type");
  }

  @Test
  void givenPatchBreakingTheTemplate_patch_reportsTheParameters() {
    String templateId = api.createTemplate(Bodies.templateWithParameters("t"));
    String id = api.createModel(Bodies.modelFrom(templateId, "m", "{\"weights_uri\": \"s3://a\"}"));

    Reply reply =
        api.patch("/v4/models/" + id, "{\"model_creation_parameters\": {\"max_tokens\": \"1\"}}");

    assertThat(locsAndTypes(reply))
        .containsExactly(
            "body.model_creation_parameters.weights_uri:missing",
            "body.model_creation_parameters.max_tokens:int_type");
  }

  @Test
  void givenInvalidPatchForUnknownModel_patch_reportsTheBodyFirst() {
    Reply reply = api.patch("/v4/models/nope", "{\"colour\": \"blue\"}");

    assertThat(reply.status()).isEqualTo(422);
  }

  /** Each violation as "loc.joined.by.dots:type", in order. */
  static List<String> locsAndTypes(Reply reply) {
    assertThat(reply.status()).isEqualTo(422);
    List<String> result = new ArrayList<>();
    for (JsonNode detail : reply.json().get("detail").values()) {
      List<String> loc = new ArrayList<>();
      detail.get("loc").values().forEach(segment -> loc.add(segment.asString()));
      assertThat(detail.get("msg").stringValue()).isNotBlank();
      result.add(String.join(".", loc) + ":" + detail.get("type").stringValue());
    }
    return result;
  }
}
