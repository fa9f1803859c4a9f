package org.modelregistry.domain.workspace;

import java.util.regex.Pattern;
import org.modelregistry.domain.error.ValidationException;

/**
 * The name of a stored secret, {@code secret_name} or {@code workspace/secret_name}: storage
 * configs hold these references, never the secret values.
 */
public record SecretRef(String value) {

  private static final Pattern FORMAT = Pattern.compile("[a-z0-9_-]+(/[a-z0-9_-]+)?");

  public SecretRef {
    if (value == null
        || value.length() > 2 * NameRules.MAX_LENGTH + 1
        || !FORMAT.matcher(value).matches()) {
      throw ValidationException.of(
          "a secret reference must be 'secret_name' or 'workspace/secret_name' of a-z, 0-9, '_'"
              + " and '-'",
          "string_pattern_mismatch");
    }
  }

  /**
   * The workspace a qualified reference ({@code workspace/secret_name}) belongs to; empty for an
   * unqualified one, which names a secret the operator shares with every workspace.
   */
  public java.util.Optional<String> workspace() {
    int slash = value.indexOf('/');
    return slash < 0
        ? java.util.Optional.empty()
        : java.util.Optional.of(value.substring(0, slash));
  }

  @Override
  public String toString() {
    return value;
  }
}
