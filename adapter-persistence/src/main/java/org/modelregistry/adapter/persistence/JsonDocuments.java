package org.modelregistry.adapter.persistence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON-valued columns: plain maps written as JSON text and read back to exactly equal maps.
 * Integral numbers come back as the smallest of Integer, Long and BigInteger that holds them and
 * other numbers as BigDecimal with their scale, the forms the HTTP adapter reads requests into.
 */
final class JsonDocuments {

  private static final TypeReference<Map<String, Object>> DOCUMENT = new TypeReference<>() {};

  private final JsonMapper mapper =
      JsonMapper.builder()
          // A double would round 0.1 and lose digits; BigDecimal keeps what was written.
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
          .disable(DeserializationFeature.USE_LONG_FOR_INTS)
          // Entries keep their order so that responses echo documents as they were sent.
          .disable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .build();

  /** The JSON text of {@code document}, or null for null. */
  String write(Map<String, Object> document) {
    return document == null ? null : mapper.writeValueAsString(document);
  }

  /**
   * The document {@code json} holds, unmodifiable all the way down; null for null.
   *
   * @throws IllegalArgumentException when {@code json} is not a JSON object
   */
  Map<String, Object> read(String json) {
    if (json == null) {
      return null;
    }
    try {
      return freezeMap(mapper.readValue(json, DOCUMENT));
    } catch (JacksonException e) {
      throw new IllegalArgumentException("not a JSON document: " + e.getOriginalMessage(), e);
    }
  }

  private static Map<String, Object> freezeMap(Map<String, Object> map) {
    var copy = new LinkedHashMap<String, Object>();
    map.forEach((key, value) -> copy.put(key, freeze(value)));
    return Collections.unmodifiableMap(copy);
  }

  @SuppressWarnings("unchecked")
  private static Object freeze(Object value) {
    if (value instanceof Map<?, ?> map) {
      return freezeMap((Map<String, Object>) map);
    }
    if (value instanceof List<?> list) {
      // List.copyOf would reject the nulls JSON arrays may hold.
      var copy = new ArrayList<Object>(list.size());
      list.forEach(item -> copy.add(freeze(item)));
      return Collections.unmodifiableList(copy);
    }
    return value;
  }
}
