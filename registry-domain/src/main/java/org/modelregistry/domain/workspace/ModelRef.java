package org.modelregistry.domain.workspace;

import java.util.Objects;

/**
 * A reference to a workspace-scoped resource by {@code {workspace}/{name}}: a base model or a model
 * provider.
 */
public record ModelRef(WorkspaceName workspace, EntityName name) {

  public ModelRef {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(name, "name");
  }

  /** Parses {@code workspace/name}; throws a violation at the value itself otherwise. */
  public static ModelRef parse(String text) {
    String[] parts = QualifiedNames.split(text, "reference", "{workspace}/{name}");
    return new ModelRef(new WorkspaceName(parts[0]), new EntityName(parts[1]));
  }

  @Override
  public String toString() {
    return workspace + "/" + name;
  }
}
