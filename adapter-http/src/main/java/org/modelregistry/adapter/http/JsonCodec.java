package org.modelregistry.adapter.http;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one Jackson configuration of the adapter, and the conversion of parsed JSON into the plain
 * Java forms the domain's document readers take (String, Boolean, Integer/Long/BigInteger,
 * BigDecimal, List, Map, null).
 */
final class JsonCodec {

  private final JsonMapper mapper =
      JsonMapper.builder()
          // Floats stay exact: 0.1 must reach parameter checks as 0.1, not as a binary double.
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

  /** The plain Java form of a JSON object. */
  Map<String, Object> toPlainMap(ObjectNode node) {
    Map<String, Object> result = new LinkedHashMap<>();
    node.properties().forEach(e -> result.put(e.getKey(), toPlain(e.getValue())));
    return result;
  }

  private Object toPlain(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node instanceof ObjectNode object) {
      return toPlainMap(object);
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
    if (node.isIntegralNumber()) {
      // Integer, Long or BigInteger, whichever the parser chose for the literal.
      return node.numberValue();
    }
    if (node.isNumber()) {
      return node.isBigDecimal()
          ? node.decimalValue()
          : new BigDecimal(node.numberValue().toString());
    }
    throw new IllegalArgumentException("unexpected JSON node type " + node.getNodeType());
  }
}
