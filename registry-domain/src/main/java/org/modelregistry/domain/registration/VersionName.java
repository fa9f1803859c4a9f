package org.modelregistry.domain.registration;

import java.util.List;
import org.modelregistry.domain.error.ValidationException;
import org.modelregistry.domain.error.Violation;
import org.modelregistry.domain.naming.ResourceName;

/**
 * The version of a registered model, such as {@code 1.0.2} or {@code 2024-06-rc1}: free-form within
 * the character set and length of a {@link ResourceName}, but never {@code .} or {@code ..} alone.
 */
public record VersionName(String value) {

  public static final int MAX_LENGTH = ResourceName.MAX_LENGTH;

  public VersionName {
    // The character rule is ResourceName's, applied by delegation so that it keeps living in one
    // place; only the subject of its messages changes.
    try {
      new ResourceName(value);
    } catch (ValidationException e) {
      throw new ValidationException(
          e.violations().stream().map(VersionName::aboutVersion).toList());
    }
    // A version is a segment of the model's URL and of its storage location, where '.' and '..'
    // would name another place.
    if (isDotSegment(value)) {
      throw ValidationException.of("version must not be '.' or '..'", "string_pattern_mismatch");
    }
  }

  /** Whether {@code text} is one of the two names a path segment cannot have. */
  static boolean isDotSegment(String text) {
    return ".".equals(text) || "..".equals(text);
  }

  private static Violation aboutVersion(Violation violation) {
    String message = violation.message();
    return new Violation(
        List.copyOf(violation.path()),
        message.startsWith("name ") ? "version " + message.substring(5) : message,
        violation.type());
  }

  @Override
  public String toString() {
    return value;
  }
}
