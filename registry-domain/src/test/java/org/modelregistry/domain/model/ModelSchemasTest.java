package org.modelregistry.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modelregistry.domain.template.ParameterType.BOOL;
import static org.modelregistry.domain.template.ParameterType.FLOAT;
import static org.modelregistry.domain.template.ParameterType.INT;
import static org.modelregistry.domain.template.ParameterType.STR;
import static org.modelregistry.domain.testdata.TestTemplates.aTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.modelregistry.domain.template.ModelType;
import org.modelregistry.domain.template.Template;

class ModelSchemasTest {

  private static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

  private static final Map<String, Object> NO_REQUEST_PARAMETERS =
      Map.of(
          "type",
          "object",
          "properties",
          Map.of(),
          "required",
          List.of(),
          "additionalProperties",
          false);

  private static final Map<String, Object> STRING = Map.of("type", "string");

  private static final Map<String, Object> CHAT_MESSAGE =
      Map.of(
          "type", "object",
          "properties",
              Map.of(
                  "role",
                  Map.of("type", "string", "enum", List.of("system", "user", "assistant")),
                  "content",
                  STRING),
          "required", List.of("role", "content"));

  private static Map<String, Object> nonEmptyArrayOf(Map<String, Object> items) {
    return Map.of("type", "array", "items", items, "minItems", 1);
  }

  private static Map<String, Object> arrayOf(Map<String, Object> items) {
    return Map.of("type", "array", "items", items);
  }

  private static Map<String, Object> document(
      Map<String, Object> properties, List<String> required, boolean additionalProperties) {
    return Map.of(
        "$schema", DRAFT_2020_12,
        "type", "object",
        "properties", properties,
        "required", required,
        "additionalProperties", additionalProperties);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value) {
    assertThat(value).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }

  private static Map<String, Object> requestParameters(Map<String, Object> requestSchema) {
    return object(object(requestSchema.get("properties")).get("model_request_parameters"));
  }

  private static Map<String, Object> request(ModelType type) {
    return ModelSchemas.requestSchema(type, Optional.empty());
  }

  // --- request schemas by model type

  @ParameterizedTest
  @EnumSource(ModelType.class)
  void givenAnyModelType_bothSchemas_declareDraft202012AndAnObject(ModelType type) {
    for (var schema : List.of(request(type), ModelSchemas.responseSchema(type))) {
      assertThat(schema)
          .containsEntry("$schema", DRAFT_2020_12)
          .containsEntry("type", "object")
          .containsKeys("properties", "required", "additionalProperties");
    }
    assertThat(ModelSchemas.DIALECT).isEqualTo(DRAFT_2020_12);
  }

  @Test
  void givenCompletion_requestSchema_requiresANonEmptyListOfPrompts() {
    assertThat(request(ModelType.COMPLETION))
        .isEqualTo(
            document(
                Map.of(
                    "prompts",
                    nonEmptyArrayOf(STRING),
                    "model_request_parameters",
                    NO_REQUEST_PARAMETERS),
                List.of("prompts"),
                false));
  }

  @Test
  void givenChatCompletion_requestSchema_requiresMessagesWithRoleAndContent() {
    assertThat(request(ModelType.CHAT_COMPLETION))
        .isEqualTo(
            document(
                Map.of(
                    "messages",
                    nonEmptyArrayOf(CHAT_MESSAGE),
                    "model_request_parameters",
                    NO_REQUEST_PARAMETERS),
                List.of("messages"),
                false));
  }

  @Test
  void givenEmbedding_requestSchema_requiresANonEmptyListOfTexts() {
    assertThat(request(ModelType.EMBEDDING))
        .isEqualTo(
            document(
                Map.of(
                    "texts",
                    nonEmptyArrayOf(STRING),
                    "model_request_parameters",
                    NO_REQUEST_PARAMETERS),
                List.of("texts"),
                false));
  }

  @Test
  void givenReranking_requestSchema_requiresAQueryAndChunks() {
    assertThat(request(ModelType.RERANKING))
        .isEqualTo(
            document(
                Map.of(
                    "query", STRING,
                    "chunks", nonEmptyArrayOf(STRING),
                    "model_request_parameters", NO_REQUEST_PARAMETERS),
                List.of("query", "chunks"),
                false));
  }

  @ParameterizedTest
  @EnumSource(
      value = ModelType.class,
      names = {"GENERIC", "AGENT", "BUNDLE"})
  void givenAFreeFormType_requestSchema_isAnOpenObject(ModelType type) {
    assertThat(request(type))
        .isEqualTo(
            document(Map.of("model_request_parameters", NO_REQUEST_PARAMETERS), List.of(), true));
  }

  // --- model_request_parameters

  @Test
  void givenATemplateWithRequestParameters_requestSchema_describesEachWithItsJsonType() {
    Template template =
        aTemplate()
            .withRequestParameter("stop", STR, false)
            .withRequestParameter("max_tokens", INT, true)
            .withRequestParameter("temperature", FLOAT, false)
            .withRequestParameter("stream", BOOL, true)
            .build();

    var schema = ModelSchemas.requestSchema(ModelType.COMPLETION, Optional.of(template));

    assertThat(requestParameters(schema))
        .isEqualTo(
            Map.of(
                "type",
                "object",
                "properties",
                Map.of(
                    "stop", Map.of("type", "string", "description", "the stop"),
                    "max_tokens", Map.of("type", "integer", "description", "the max_tokens"),
                    "temperature", Map.of("type", "number", "description", "the temperature"),
                    "stream", Map.of("type", "boolean", "description", "the stream")),
                "required",
                List.of("max_tokens", "stream"),
                "additionalProperties",
                false));
  }

  @Test
  void givenARequiredRequestParameter_requestSchema_requiresModelRequestParametersAfterTheBody() {
    var template =
        aTemplate()
            .withModelType(ModelType.RERANKING)
            .withRequestParameter("top_k", INT, true)
            .build();

    var schema = ModelSchemas.requestSchema(ModelType.RERANKING, Optional.of(template));

    assertThat(schema.get("required"))
        .isEqualTo(List.of("query", "chunks", "model_request_parameters"));
  }

  @Test
  void givenARequiredParameterOnAnOpenType_requestSchema_requiresOnlyRequestParameters() {
    var template =
        aTemplate()
            .withModelType(ModelType.GENERIC)
            .withRequestParameter("mode", STR, true)
            .build();

    var schema = ModelSchemas.requestSchema(ModelType.GENERIC, Optional.of(template));

    assertThat(schema.get("required")).isEqualTo(List.of("model_request_parameters"));
    assertThat(schema.get("additionalProperties")).isEqualTo(true);
  }

  @Test
  void givenOnlyOptionalRequestParameters_requestSchema_doesNotRequireModelRequestParameters() {
    var template = aTemplate().withRequestParameter("temperature", FLOAT, false).build();

    var schema = ModelSchemas.requestSchema(ModelType.COMPLETION, Optional.of(template));

    assertThat(schema.get("required")).isEqualTo(List.of("prompts"));
    assertThat(requestParameters(schema).get("required")).isEqualTo(List.of());
  }

  @Test
  void givenATemplateWithCreationParametersOnly_requestSchema_hasNoRequestParameters() {
    var template = aTemplate().withCreationParameter("weights", STR, true).build();

    var schema = ModelSchemas.requestSchema(ModelType.COMPLETION, Optional.of(template));

    assertThat(requestParameters(schema)).isEqualTo(NO_REQUEST_PARAMETERS);
    assertThat(schema.get("required")).isEqualTo(List.of("prompts"));
  }

  @Test
  void givenRequestParameters_requestSchema_keepsTheirDeclarationOrder() {
    var template =
        aTemplate()
            .withRequestParameter("z", STR, true)
            .withRequestParameter("a", STR, true)
            .withRequestParameter("m", STR, true)
            .build();

    var schema = ModelSchemas.requestSchema(ModelType.COMPLETION, Optional.of(template));

    assertThat(object(requestParameters(schema).get("properties")).keySet())
        .containsExactly("z", "a", "m");
    assertThat(requestParameters(schema).get("required")).isEqualTo(List.of("z", "a", "m"));
  }

  // --- response schemas

  @Test
  void givenCompletion_responseSchema_requiresCompletions() {
    assertThat(ModelSchemas.responseSchema(ModelType.COMPLETION))
        .isEqualTo(
            document(
                Map.of("completions", arrayOf(STRING), "finish_reason", STRING),
                List.of("completions"),
                false));
  }

  @Test
  void givenChatCompletion_responseSchema_requiresAChatMessage() {
    assertThat(ModelSchemas.responseSchema(ModelType.CHAT_COMPLETION))
        .isEqualTo(
            document(
                Map.of("chat_completion", CHAT_MESSAGE, "finish_reason", STRING),
                List.of("chat_completion"),
                false));
  }

  @Test
  void givenEmbedding_responseSchema_requiresVectorsOfNumbers() {
    assertThat(ModelSchemas.responseSchema(ModelType.EMBEDDING))
        .isEqualTo(
            document(
                Map.of(
                    "embeddings", arrayOf(arrayOf(Map.of("type", "number"))),
                    "tokens_used", Map.of("type", "integer", "minimum", 0)),
                List.of("embeddings"),
                false));
  }

  @Test
  void givenReranking_responseSchema_requiresChunkScores() {
    assertThat(ModelSchemas.responseSchema(ModelType.RERANKING))
        .isEqualTo(
            document(
                Map.of("chunk_scores", arrayOf(Map.of("type", "number"))),
                List.of("chunk_scores"),
                false));
  }

  @ParameterizedTest
  @EnumSource(
      value = ModelType.class,
      names = {"GENERIC", "AGENT", "BUNDLE"})
  void givenAFreeFormType_responseSchema_isAnOpenObject(ModelType type) {
    assertThat(ModelSchemas.responseSchema(type)).isEqualTo(document(Map.of(), List.of(), true));
  }

  // --- shape of the documents themselves

  @ParameterizedTest
  @EnumSource(ModelType.class)
  void givenAnyModelType_schemas_areUnmodifiable(ModelType type) {
    var schema = request(type);

    assertThatThrownBy(() -> schema.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> object(schema.get("properties")).put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @ParameterizedTest
  @EnumSource(ModelType.class)
  void givenAnyModelType_schemas_useOnlyWellFormedJsonSchemaKeywords(ModelType type) {
    var template =
        aTemplate()
            .withModelType(type)
            .withRequestParameter("s", STR, true)
            .withRequestParameter("i", INT, false)
            .withRequestParameter("f", FLOAT, false)
            .withRequestParameter("b", BOOL, false)
            .build();

    var problems = new ArrayList<String>();
    checkSchema(ModelSchemas.requestSchema(type, Optional.of(template)), "#", problems);
    checkSchema(ModelSchemas.responseSchema(type), "#", problems);

    assertThat(problems).isEmpty();
  }

  private static final Set<String> KEYWORDS =
      Set.of(
          "$schema",
          "type",
          "properties",
          "required",
          "additionalProperties",
          "items",
          "minItems",
          "minimum",
          "enum",
          "description");
  private static final Set<String> TYPES =
      Set.of("object", "array", "string", "integer", "number", "boolean", "null");

  /**
   * A small structural check against the draft 2020-12 meta-schema's rules for the keywords these
   * documents use; not a full meta-schema validation (that would need a validator dependency).
   */
  private static void checkSchema(Map<String, Object> schema, String at, List<String> problems) {
    for (var entry : schema.entrySet()) {
      String key = entry.getKey();
      Object value = entry.getValue();
      String where = at + "/" + key;
      switch (key) {
        case "$schema" -> {
          if (!at.equals("#") || !DRAFT_2020_12.equals(value)) {
            problems.add(where + ": $schema only at the root, and the 2020-12 dialect");
          }
        }
        case "type" -> {
          if (!TYPES.contains(value)) {
            problems.add(where + ": unknown type " + value);
          }
        }
        case "properties" -> {
          if (!(value instanceof Map<?, ?> properties)) {
            problems.add(where + ": must be an object");
          } else {
            properties.forEach(
                (name, sub) -> {
                  if (sub instanceof Map<?, ?>) {
                    checkSchema(object(sub), where + "/" + name, problems);
                  } else {
                    problems.add(where + "/" + name + ": must be a schema");
                  }
                });
          }
        }
        case "required" -> {
          if (!(value instanceof List<?> names)
              || !names.stream().allMatch(String.class::isInstance)
              || names.stream().distinct().count() != names.size()) {
            problems.add(where + ": must be an array of unique strings");
          } else if (!(schema.get("properties") instanceof Map<?, ?> declared)
              || !declared.keySet().containsAll(names)) {
            problems.add(where + ": names a property that is not declared");
          }
        }
        case "additionalProperties" -> {
          if (value instanceof Map<?, ?>) {
            checkSchema(object(value), where, problems);
          } else if (!(value instanceof Boolean)) {
            problems.add(where + ": must be a boolean or a schema");
          }
        }
        case "items" -> {
          if (value instanceof Map<?, ?>) {
            checkSchema(object(value), where, problems);
          } else {
            problems.add(where + ": must be a schema");
          }
        }
        case "minItems", "minimum" -> {
          if (!(value instanceof Integer n) || n < 0) {
            problems.add(where + ": must be a non-negative integer");
          }
        }
        case "enum" -> {
          if (!(value instanceof List<?> values) || values.isEmpty()) {
            problems.add(where + ": must be a non-empty array");
          }
        }
        case "description" -> {
          if (!(value instanceof String)) {
            problems.add(where + ": must be a string");
          }
        }
        default -> problems.add(where + ": not one of " + KEYWORDS);
      }
    }
  }
}
