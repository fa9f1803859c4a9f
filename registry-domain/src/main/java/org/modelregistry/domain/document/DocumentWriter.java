package org.modelregistry.domain.document;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Builds a plain JSON document in field order, leaving out absent (null) values. */
final class DocumentWriter {

  private final Map<String, Object> document = new LinkedHashMap<>();

  DocumentWriter put(String key, Object value) {
    if (value != null) {
      document.put(key, value);
    }
    return this;
  }

  /** Puts {@code render(value)} unless {@code value} is absent. */
  <T> DocumentWriter put(String key, T value, Function<T, ?> render) {
    return value == null ? this : put(key, render.apply(value));
  }

  Map<String, Object> build() {
    return Collections.unmodifiableMap(document);
  }
}
