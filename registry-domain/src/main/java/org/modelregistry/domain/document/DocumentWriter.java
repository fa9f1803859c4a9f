package org.modelregistry.domain.document;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds a plain JSON document in field order, leaving out absent (null) values. */
final class DocumentWriter {

  private final Map<String, Object> document = new LinkedHashMap<>();

  DocumentWriter put(String key, Object value) {
    if (value != null) {
      document.put(key, value);
    }
    return this;
  }

  Map<String, Object> build() {
    return Collections.unmodifiableMap(document);
  }
}
