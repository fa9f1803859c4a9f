package org.modelregistry.domain.template;

import java.util.Objects;
import org.modelregistry.domain.error.ValidationException;

/** One parameter a template declares: its name, type, description and whether it is required. */
public record ParameterField(
    String name, ParameterType type, String description, boolean required) {

  public ParameterField {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(description, "description");
    if (name == null || name.isBlank()) {
      throw ValidationException.of("parameter name must not be empty", "string_too_short", "name");
    }
  }
}
