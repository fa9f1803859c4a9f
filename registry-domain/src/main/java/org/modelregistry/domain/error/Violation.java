package org.modelregistry.domain.error;

import java.util.List;
import java.util.Objects;

/**
 * One broken rule: where in the submitted document it is ({@code path}, field names and list
 * indexes from the document root), a human-readable message, and a short machine-readable type.
 */
public record Violation(List<Object> path, String message, String type) {

  public Violation {
    path = List.copyOf(Objects.requireNonNull(path, "path"));
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(type, "type");
    for (Object segment : path) {
      if (!(segment instanceof String) && !(segment instanceof Integer)) {
        throw new IllegalArgumentException("path segments are field names or list indexes");
      }
    }
  }

  /** The same violation located under {@code prefix}. */
  public Violation under(List<Object> prefix) {
    if (prefix.isEmpty()) {
      return this;
    }
    var full = new java.util.ArrayList<Object>(prefix.size() + path.size());
    full.addAll(prefix);
    full.addAll(path);
    return new Violation(full, message, type);
  }
}
