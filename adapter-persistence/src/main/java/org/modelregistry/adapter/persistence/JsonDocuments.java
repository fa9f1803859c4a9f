package org.modelregistry.adapter.persistence;

import java.util.Map;
import org.modelregistry.domain.document.DocumentNumbers;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON-valued columns: plain maps written as JSON text and read back as documents in the domain's
 * number policy ({@link DocumentNumbers}), the form the HTTP adapter reads request bodies into. A
 * document written is read back equal to its normalized form, and a normalized document exactly.
 */
final class JsonDocuments {

  private static final TypeReference<Map<String, Object>> DOCUMENT = new TypeReference<>() {};

  private final JsonMapper mapper =
      JsonMapper.builder()
          // Decimals stay exact (0.1 as 0.1, 1e400 without overflow): DocumentNumbers keeps a
          // BigDecimal as written but cannot undo what a double already rounded.
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          // Entries keep their order so that responses echo documents as they were sent.
          .disable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .build();

  /**
   * The JSON text of {@code document}, or null for null.
   *
   * @throws IllegalArgumentException when the document holds a value JSON cannot (NaN, an object)
   */
  String write(Map<String, Object> document) {
    // Normalized first, so that what is stored is exactly what read will return.
    return document == null
        ? null
        : mapper.writeValueAsString(DocumentNumbers.normalizeDocument(document));
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
      return DocumentNumbers.normalizeDocument(mapper.readValue(json, DOCUMENT));
    } catch (JacksonException e) {
      throw new IllegalArgumentException("not a JSON document: " + e.getOriginalMessage(), e);
    }
  }
}
