package org.modelregistry.adapter.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.modelregistry.domain.document.DocumentNumbers;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one Jackson configuration of the adapter, and the conversion of parsed JSON into the plain
 * Java forms the domain's document readers take (String, Boolean, numbers, List, Map, null), with
 * numbers as the domain's {@link DocumentNumbers} represents them, so that a body reads exactly as
 * the persistence adapter later reads the stored document back.
 */
final class JsonCodec {

  private final JsonMapper mapper =
      JsonMapper.builder()
          // Decimals stay exact (0.1 as 0.1, 1e400 without overflow): DocumentNumbers keeps a
          // BigDecimal as written but cannot undo what a double already rounded.
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          // A repeated key would silently win over the first; reject the body instead.
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          // Response records use Java names; the wire uses snake_case. Map keys are left alone.
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .build();

  JsonMapper mapper() {
    return mapper;
  }

  /**
   * Parses a request body.
   *
   * @throws tools.jackson.core.JacksonException when it is not one well-formed JSON value
   */
  JsonNode parse(byte[] body) {
    return mapper.readTree(body);
  }

  /** The plain Java form of a JSON object, as a document in the domain's number policy. */
  Map<String, Object> toPlainMap(ObjectNode node) {
    return DocumentNumbers.normalizeDocument(plainMap(node));
  }

  private Map<String, Object> plainMap(ObjectNode node) {
    Map<String, Object> result = new LinkedHashMap<>();
    node.properties().forEach(e -> result.put(e.getKey(), toPlain(e.getValue())));
    return result;
  }

  private Object toPlain(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node instanceof ObjectNode object) {
      return plainMap(object);
    }
    if (node.isArray()) {
      List<Object> items = new ArrayList<>(node.size());
      node.values().forEach(item -> items.add(toPlain(item)));
      return items;
    }
    if (node.isString()) {
      return node.stringValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isNumber()) {
      // Whatever type the parser chose; toPlainMap normalizes it.
      return node.numberValue();
    }
    throw new IllegalArgumentException("unexpected JSON node type " + node.getNodeType());
  }
}
