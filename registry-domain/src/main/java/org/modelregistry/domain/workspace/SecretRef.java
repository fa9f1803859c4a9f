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

  @Override
  public String toString() {
    return value;
  }
}
