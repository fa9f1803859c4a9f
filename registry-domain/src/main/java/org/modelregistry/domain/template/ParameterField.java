package org.modelregistry.domain.template;

import java.util.Objects;
import org.modelregistry.domain.error.ValidationException;
import org.modelregistry.domain.error.Violations;
import org.modelregistry.domain.naming.BoundedText;

/** One parameter a template declares: its name, type, description and whether it is required. */
public record ParameterField(
    String name, ParameterType type, String description, boolean required) {

  public static final int MAX_NAME_LENGTH = 255;

  public ParameterField {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(description, "description");
    if (name == null || name.isBlank()) {
      throw ValidationException.of("parameter name must not be empty", "string_too_short", "name");
    }
    var violations = Violations.collect();
    violations
        .at("name")
        .attempt(() -> BoundedText.requireAtMost(name, MAX_NAME_LENGTH, "parameter name"));
    violations
        .at("description")
        .attempt(
            () ->
                BoundedText.requireAtMost(description, BoundedText.DESCRIPTION_MAX, "description"));
    violations.throwIfAny();
  }
}
