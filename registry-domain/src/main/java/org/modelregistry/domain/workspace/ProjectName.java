package org.modelregistry.domain.workspace;

/** The project (URN) an entity belongs to: 1 to 255 of letters, digits, {@code _-./}. */
public record ProjectName(String value) {

  public ProjectName {
    NameRules.requireProject(value, "project");
  }

  @Override
  public String toString() {
    return value;
  }
}
