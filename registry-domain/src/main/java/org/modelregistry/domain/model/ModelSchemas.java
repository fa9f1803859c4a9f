package org.modelregistry.domain.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.modelregistry.domain.template.ModelType;
import org.modelregistry.domain.template.ParameterField;
import org.modelregistry.domain.template.ParameterSchema;
import org.modelregistry.domain.template.Template;

/**
 * The JSON Schemas (draft 2020-12) of the body a caller sends to run a model and of the body it
 * gets back, by model type. The template's request parameters appear under {@code
 * model_request_parameters}. The README documents these shapes.
 */
public final class ModelSchemas {

  public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
  public static final String REQUEST_PARAMETERS = "model_request_parameters";

  private ModelSchemas() {}

  /** The request body schema of a model of {@code type} built from {@code template}. */
  public static Map<String, Object> requestSchema(ModelType type, Optional<Template> template) {
    ParameterSchema parameters =
        template.map(t -> t.definition().requestSchemaOrEmpty()).orElse(ParameterSchema.empty());
    var properties = new LinkedHashMap<String, Object>();
    var required = new ArrayList<String>();
    boolean closed = true;
    switch (type) {
      case COMPLETION -> {
        properties.put("prompts", nonEmptyArrayOf(schema("type", "string")));
        required.add("prompts");
      }
      case CHAT_COMPLETION -> {
        properties.put("messages", nonEmptyArrayOf(chatMessage()));
        required.add("messages");
      }
      case EMBEDDING -> {
        properties.put("texts", nonEmptyArrayOf(schema("type", "string")));
        required.add("texts");
      }
      case RERANKING -> {
        properties.put("query", schema("type", "string"));
        properties.put("chunks", nonEmptyArrayOf(schema("type", "string")));
        required.add("query");
        required.add("chunks");
      }
      case GENERIC, AGENT, BUNDLE -> closed = false;
    }
    properties.put(REQUEST_PARAMETERS, requestParameters(parameters));
    if (parameters.parameters().stream().anyMatch(ParameterField::required)) {
      required.add(REQUEST_PARAMETERS);
    }
    return document(properties, required, closed);
  }

  /** The response body schema of a model of {@code type}. */
  public static Map<String, Object> responseSchema(ModelType type) {
    var properties = new LinkedHashMap<String, Object>();
    var required = new ArrayList<String>();
    boolean closed = true;
    switch (type) {
      case COMPLETION -> {
        properties.put("completions", arrayOf(schema("type", "string")));
        properties.put("finish_reason", schema("type", "string"));
        required.add("completions");
      }
      case CHAT_COMPLETION -> {
        properties.put("chat_completion", chatMessage());
        properties.put("finish_reason", schema("type", "string"));
        required.add("chat_completion");
      }
      case EMBEDDING -> {
        properties.put("embeddings", arrayOf(arrayOf(schema("type", "number"))));
        properties.put("tokens_used", schema("type", "integer", "minimum", 0));
        required.add("embeddings");
      }
      case RERANKING -> {
        properties.put("chunk_scores", arrayOf(schema("type", "number")));
        required.add("chunk_scores");
      }
      case GENERIC, AGENT, BUNDLE -> closed = false;
    }
    return document(properties, required, closed);
  }

  private static Map<String, Object> requestParameters(ParameterSchema parameters) {
    var properties = new LinkedHashMap<String, Object>();
    var required = new ArrayList<String>();
    for (ParameterField field : parameters.parameters()) {
      properties.put(
          field.name(),
          schema("type", field.type().jsonSchemaType(), "description", field.description()));
      if (field.required()) {
        required.add(field.name());
      }
    }
    var result = new LinkedHashMap<String, Object>();
    result.put("type", "object");
    result.put("properties", Collections.unmodifiableMap(properties));
    result.put("required", List.copyOf(required));
    result.put("additionalProperties", false);
    return Collections.unmodifiableMap(result);
  }

  private static Map<String, Object> chatMessage() {
    var properties = new LinkedHashMap<String, Object>();
    properties.put(
        "role", schema("type", "string", "enum", List.of("system", "user", "assistant")));
    properties.put("content", schema("type", "string"));
    var message = new LinkedHashMap<String, Object>();
    message.put("type", "object");
    message.put("properties", Collections.unmodifiableMap(properties));
    message.put("required", List.of("role", "content"));
    return Collections.unmodifiableMap(message);
  }

  private static Map<String, Object> document(
      Map<String, Object> properties, List<String> required, boolean closed) {
    var document = new LinkedHashMap<String, Object>();
    document.put("$schema", DIALECT);
    document.put("type", "object");
    document.put("properties", Collections.unmodifiableMap(properties));
    document.put("required", List.copyOf(required));
    document.put("additionalProperties", !closed);
    return Collections.unmodifiableMap(document);
  }

  private static Map<String, Object> arrayOf(Map<String, Object> items) {
    return schema("type", "array", "items", items);
  }

  private static Map<String, Object> nonEmptyArrayOf(Map<String, Object> items) {
    return schema("type", "array", "items", items, "minItems", 1);
  }

  private static Map<String, Object> schema(Object... keysAndValues) {
    var result = new LinkedHashMap<String, Object>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      result.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return Collections.unmodifiableMap(result);
  }
}
