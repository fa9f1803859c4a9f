package org.modelregistry.domain.workspace;

import java.util.Map;
import org.modelregistry.domain.document.DocumentNumbers;
import org.modelregistry.domain.error.Violations;

/**
 * The free-form JSON objects of workspace model entities ({@code custom_fields}, {@code ownership},
 * a prompt's {@code inference_params}): copied once into {@link DocumentNumbers} form, unmodifiable
 * all the way down and in their given order, so that equal content compares equal however it was
 * built, and what a store reads back equals what was saved.
 */
final class FreeFormObjects {

  private FreeFormObjects() {}

  /**
   * The document form of {@code object}; null for null. A value JSON cannot hold (NaN, a non-string
   * key, any other Java object) is recorded at {@code violations}' path and null returned.
   */
  static Map<String, Object> copy(Map<String, ?> object, Violations violations, String field) {
    if (object == null) {
      return null;
    }
    try {
      return DocumentNumbers.normalizeDocument(object);
    } catch (IllegalArgumentException e) {
      violations.add("dict_type", field + " must hold plain JSON values: " + e.getMessage());
      return null;
    }
  }
}
