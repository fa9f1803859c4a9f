package org.modelregistry.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.modelregistry.adapter.http.ApiFixture.Reply;
import tools.jackson.databind.JsonNode;

/**
 * Real responses of every route, successes and validation failures, checked against the response
 * schema the reference documents for that route and status (found through its {@code paths}, not
 * named here), with {@code format} asserted.
 */
class ResponseContractTest {

  private static final List<String> METHODS = List.of("get", "post", "patch", "put", "delete");

  private static ApiFixture api;
  private static JsonNode reference;
  private static SchemaRegistry schemas;
  private static final List<Exchange> exchanges = new ArrayList<>();

  /** One request and its response, with the route template it was served by. */
  record Exchange(String method, String route, String label, Reply reply) {
    String operation() {
      return method + " " + route;
    }
  }

  @BeforeAll
  static void exerciseEveryRoute() {
    reference = readReference();
    schemas = ReferenceSchemas.newRegistry(true);
    api = ApiFixture.start();

    String templates = "/v4/model-templates";
    String template = "/v4/model-templates/{model_template_id}";
    String models = "/v4/models";
    String model = "/v4/models/{model_id}";

    Reply fullTemplate =
        record("post", templates, "full template", api.post(templates, fullTemplateBody()));
    String templateId = fullTemplate.json().get("id").stringValue();
    String spareTemplateId = api.createTemplate(Bodies.template("spare"));
    record("post", templates, "empty body", api.post(templates, "{}"));
    record("get", templates, "all", api.get(templates));
    record("get", templates, "first page with cursor", api.get(templates + "?limit=1"));
    record("get", templates, "bad page", api.get(templates + "?page=0"));
    record("get", template, "one", api.get(templates + "/" + templateId));

    Reply fromTemplate =
        record(
            "post",
            models,
            "model from template",
            api.post(
                models,
                Bodies.modelFrom(
                        templateId,
                        "from-template",
                        "{\"weights_uri\": \"s3://w\", \"temperature\": 0.5}")
                    .replace("COMPLETION", "CHAT_COMPLETION")));
    String modelId = fromTemplate.json().get("id").stringValue();
    record("post", models, "every field", api.post(models, fullModelBody()));
    record(
        "post",
        models,
        "bad parameters",
        api.post(models, Bodies.modelFrom(templateId, "bad", "{\"max_tokens\": \"x\"}")));
    record("get", models, "all", api.get(models));
    record(
        "get",
        models,
        "with views and cursor",
        api.get(models + "?view=Deployments&view=ModelGroup&limit=1"));
    record("get", models, "sorted", api.get(models + "?sort_by=name:desc&sort_by=created_at:asc"));
    record("get", models, "bad query", api.get(models + "?model_type=TEXT&limit=0"));
    record("get", model, "one", api.get(models + "/" + modelId));
    record("get", model, "with views", api.get(models + "/" + modelId + "?view=Deployments"));
    record("get", model, "bad view", api.get(models + "/" + modelId + "?view=Everything"));
    record("patch", model, "rename", api.patch(models + "/" + modelId, "{\"name\": \"renamed\"}"));
    record(
        "patch",
        model,
        "extra field",
        api.patch(models + "/" + modelId, "{\"account_id\": \"x\"}"));
    record("delete", model, "delete", api.delete(models + "/" + modelId));
    record("delete", template, "delete", api.delete(templates + "/" + spareTemplateId));
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @TestFactory
  Stream<DynamicTest> givenRealResponse_validateAgainstTheRoutesReferenceSchema_conforms() {
    return exchanges.stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.operation() + " (" + e.label() + ") -> " + e.reply().status(),
                    () -> {
                      String ref = responseRef(e.method(), e.route(), e.reply().status());
                      assertThat(ref)
                          .as(
                              "the reference documents %s for %s",
                              e.reply().status(), e.operation())
                          .isNotNull();
                      assertThat(violations(ref, e.reply().json()))
                          .as("%s against %s: %s", e.operation(), ref, e.reply().body())
                          .isEmpty();
                    }));
  }

  @Test
  void givenTheReference_everyOperation_isExercisedWithSuccessAndEveryReachable422() {
    Set<String> documented = new TreeSet<>();
    reference
        .get("paths")
        .properties()
        .forEach(
            path ->
                METHODS.stream()
                    .filter(m -> path.getValue().has(m))
                    .forEach(m -> documented.add(m + " " + path.getKey())));
    Set<String> succeeded = operationsAnswering(200);
    Set<String> rejected = operationsAnswering(422);

    assertThat(succeeded).isEqualTo(documented);
    // A 422 needs a body or a query parameter; reading or deleting one template takes neither.
    assertThat(rejected)
        .containsExactlyInAnyOrder(
            "post /v4/model-templates",
            "get /v4/model-templates",
            "post /v4/models",
            "get /v4/models",
            "get /v4/models/{model_id}",
            "patch /v4/models/{model_id}");
  }

  @Test
  void givenResponseMissingARequiredField_validate_reportsIt() {
    JsonNode template = firstReply("post /v4/model-templates", 200).json();
    var broken = (tools.jackson.databind.node.ObjectNode) template.deepCopy();
    broken.remove("id");
    broken.put("created_at", "yesterday");

    List<String> found = violations(responseRef("post", "/v4/model-templates", 200), broken);

    assertThat(found).hasSize(2);
  }

  @Test
  void givenValidationErrorWithoutLoc_validate_reportsIt() {
    JsonNode broken = ApiFixture.json("{\"detail\": [{\"msg\": \"m\", \"type\": \"t\"}]}");

    assertThat(violations(responseRef("post", "/v4/models", 422), broken)).hasSize(1);
  }

  private static Reply record(String method, String route, String label, Reply reply) {
    exchanges.add(new Exchange(method, route, label, reply));
    return reply;
  }

  private static Set<String> operationsAnswering(int status) {
    Set<String> result = new TreeSet<>();
    exchanges.stream()
        .filter(e -> e.reply().status() == status)
        .forEach(e -> result.add(e.operation()));
    return result;
  }

  private static Reply firstReply(String operation, int status) {
    return exchanges.stream()
        .filter(e -> e.operation().equals(operation) && e.reply().status() == status)
        .findFirst()
        .orElseThrow()
        .reply();
  }

  /** The {@code $ref} the reference gives for this route's JSON response, or null. */
  private static String responseRef(String method, String route, int status) {
    JsonNode ref =
        reference.at(
            "/paths/"
                + route.replace("~", "~0").replace("/", "~1")
                + "/"
                + method
                + "/responses/"
                + status
                + "/content/application~1json/schema/$ref");
    return ref.isMissingNode() ? null : ref.stringValue();
  }

  private static List<String> violations(String ref, JsonNode body) {
    Schema schema = schemas.getSchema(ReferenceSchemas.locationOfPointer(ref));
    return schema.validate(body).stream().map(Error::toString).toList();
  }

  private static JsonNode readReference() {
    try (InputStream in =
        ResponseContractTest.class
            .getClassLoader()
            .getResourceAsStream(ReferenceSchemas.RESOURCE)) {
      return ApiFixture.JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String fullTemplateBody() {
    return """
    {"name": "full", "account_id": "acct-1", "endpoint_type": "STREAMING",
     "model_type": "CHAT_COMPLETION", "endpoint_protocol": "SGP",
     "vendor_configuration": {
       "bundle_config": {"registry": "r", "image": "i", "tag": "t", "command": ["run"],
                         "env": {"K": "V"}, "streaming_command": ["stream"]},
       "endpoint_config": {"gpus": 1, "gpu_type": "nvidia-tesla-t4", "high_priority": true},
       "fine_tuning_job_bundle_config": {"registry": "r", "image": "tune", "tag": "1",
         "training_dataset_schema_type": "RERANKING_QUESTIONS",
         "resources": {"gpu_type": "nvidia-hopper-h100"}}},
     "model_creation_parameters_schema": {"parameters": [
       {"name": "weights_uri", "type": "str", "description": "w", "required": true},
       {"name": "max_tokens", "type": "int", "description": "m", "required": false},
       {"name": "temperature", "type": "float", "description": "t", "required": false}]},
     "model_request_parameters_schema": {"parameters": [
       {"name": "top_k", "type": "int", "description": "k", "required": true}]}}
    """;
  }

  private static String fullModelBody() {
    return """
    {"name": "everything", "account_id": "acct-1", "model_type": "RERANKING",
     "display_name": "Everything", "description": "every field", "model_vendor": "COHERE",
     "base_model_id": "rerank-3",
     "base_model_metadata": {"ui_model_section_type": "CUSTOM", "model_developer": "lab",
       "modelDetails": {"number_of_parameters": 1, "languages": 3}},
     "model_card": "card", "training_data_card": "data", "model_group_id": "g"}
    """;
  }
}
