package org.modelregistry.domain.workspace;

/**
 * The name of a model entity, adapter or fileset within its workspace: 1 to 255 ASCII letters,
 * digits, {@code _}, {@code -} and {@code .}, never {@code .} or {@code ..} alone.
 */
public record EntityName(String value) {

  public static final int MAX_LENGTH = NameRules.MAX_LENGTH;

  public EntityName {
    NameRules.requireName(value, "name");
  }

  @Override
  public String toString() {
    return value;
  }
}
