package org.modelregistry.domain.workspace;

import java.util.regex.Pattern;
import org.modelregistry.domain.error.ValidationException;
import org.modelregistry.domain.naming.ResourceName;

/** The naming rules shared by the workspace value objects, stated once. */
final class NameRules {

  static final int MAX_LENGTH = ResourceName.MAX_LENGTH;

  // The reference's \w, read as ASCII as its descriptions say ("letters (a-z, A-Z), digits").
  private static final Pattern PROJECT = Pattern.compile("[A-Za-z0-9_.\\-/]+");

  private NameRules() {}

  /** Throws at the value itself unless {@code value} is a valid entity or workspace name. */
  static void requireName(String value, String what) {
    // Workspace names follow the rule of template and model names: one rule, in ResourceName.
    ResourceName.requireValid(value, what);
  }

  static void requireProject(String value, String what) {
    requireLength(value, what);
    if (!PROJECT.matcher(value).matches()) {
      throw ValidationException.of(
          what + " may contain only letters, digits, '_', '-', '.' and '/'",
          "string_pattern_mismatch");
    }
  }

  static boolean isName(String value) {
    return ResourceName.isValid(value);
  }

  private static void requireLength(String value, String what) {
    if (value == null || value.isEmpty()) {
      throw ValidationException.of(what + " must not be empty", "string_too_short");
    }
    if (value.length() > MAX_LENGTH) {
      throw ValidationException.of(
          what + " must be at most " + MAX_LENGTH + " characters", "string_too_long");
    }
  }
}
