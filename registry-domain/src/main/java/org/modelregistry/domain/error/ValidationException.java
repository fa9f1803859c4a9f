package org.modelregistry.domain.error;

import java.util.List;
import java.util.stream.Collectors;

/** Submitted data breaks one or more rules; every violation is listed, each with its path. */
public final class ValidationException extends RegistryException {

  private final List<Violation> violations;

  public ValidationException(List<Violation> violations) {
    super(summarize(violations));
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("a validation failure needs at least one violation");
    }
    this.violations = List.copyOf(violations);
  }

  public static ValidationException of(String message, String type, Object... path) {
    return new ValidationException(List.of(new Violation(List.of(path), message, type)));
  }

  public List<Violation> violations() {
    return violations;
  }

  private static String summarize(List<Violation> violations) {
    return violations.stream()
        .map(v -> v.path() + ": " + v.message())
        .collect(Collectors.joining("; "));
  }
}
