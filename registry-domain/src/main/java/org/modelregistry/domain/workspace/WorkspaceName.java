package org.modelregistry.domain.workspace;

/** The workspace that scopes model entities and filesets: a name like {@link EntityName}. */
public record WorkspaceName(String value) {

  public WorkspaceName {
    NameRules.requireName(value, "workspace");
  }

  @Override
  public String toString() {
    return value;
  }
}
