package org.modelregistry.domain.naming;

import java.util.regex.Pattern;
import org.modelregistry.domain.error.ValidationException;

/**
 * The name of a template or model: 1 to 255 characters of ASCII letters, digits, {@code _}, {@code
 * -} and {@code .}, but never {@code .} or {@code ..} alone, so that every name is safe as a
 * segment of a URL or a storage path (where those two would name another place). The one place this
 * rule lives.
 */
public record ResourceName(String value) {

  public static final int MAX_LENGTH = 255;
  private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_.\\-]+");

  public ResourceName {
    requireValid(value, "name");
  }

  /**
   * Throws at the value itself unless {@code value} follows this rule; messages call it {@code
   * what}, for the other names that share the rule (workspaces, workspace entities).
   */
  public static void requireValid(String value, String what) {
    if (value == null || value.isEmpty()) {
      throw ValidationException.of(what + " must not be empty", "string_too_short");
    }
    if (value.length() > MAX_LENGTH) {
      throw ValidationException.of(
          what + " must be at most " + MAX_LENGTH + " characters", "string_too_long");
    }
    if (!ALLOWED.matcher(value).matches()) {
      throw ValidationException.of(
          what + " may contain only letters, digits, '_', '-' and '.'", "string_pattern_mismatch");
    }
    if (value.equals(".") || value.equals("..")) {
      throw ValidationException.of(what + " cannot be '.' or '..'", "string_pattern_mismatch");
    }
  }

  /** Whether {@code value} follows this rule. */
  public static boolean isValid(String value) {
    return value != null
        && !value.isEmpty()
        && value.length() <= MAX_LENGTH
        && ALLOWED.matcher(value).matches()
        && !value.equals(".")
        && !value.equals("..");
  }

  @Override
  public String toString() {
    return value;
  }
}
