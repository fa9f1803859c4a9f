package org.modelregistry.domain.workspace;

import java.util.Objects;

/** A reference to a fileset, written {@code {workspace}/{fileset_name}}. */
public record FilesetRef(WorkspaceName workspace, EntityName name) {

  public FilesetRef {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(name, "name");
  }

  /** Parses {@code workspace/name}; throws a violation at the value itself otherwise. */
  public static FilesetRef parse(String text) {
    String[] parts = QualifiedNames.split(text, "fileset", "{workspace}/{fileset_name}");
    return new FilesetRef(new WorkspaceName(parts[0]), new EntityName(parts[1]));
  }

  @Override
  public String toString() {
    return workspace + "/" + name;
  }
}
