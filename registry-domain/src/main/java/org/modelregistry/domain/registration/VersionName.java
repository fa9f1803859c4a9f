package org.modelregistry.domain.registration;

import java.util.List;
import org.modelregistry.domain.error.ValidationException;
import org.modelregistry.domain.error.Violation;
import org.modelregistry.domain.naming.ResourceName;

/**
 * The version of a registered model, such as {@code 1.0.2} or {@code 2024-06-rc1}: free-form within
 * the rules of a {@link ResourceName} (its characters and length, and never {@code .} or {@code ..}
 * alone, since a version is a segment of the model's URL and storage location).
 */
public record VersionName(String value) {

  public static final int MAX_LENGTH = ResourceName.MAX_LENGTH;

  public VersionName {
    // The rules are ResourceName's, applied by delegation so that they keep living in one place;
    // only the subject of their messages changes.
    try {
      new ResourceName(value);
    } catch (ValidationException e) {
      throw new ValidationException(
          e.violations().stream().map(VersionName::aboutVersion).toList());
    }
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
