package org.modelregistry.ports.in.workspace;

import java.util.Map;
import java.util.Objects;
import org.modelregistry.domain.workspace.EntityName;
import org.modelregistry.domain.workspace.FilesetPurpose;
import org.modelregistry.domain.workspace.FilesetStorage;
import org.modelregistry.domain.workspace.WorkspaceName;

/**
 * A fileset as a caller creates it in {@code workspace}; the domain checks the fields when the
 * fileset is created.
 *
 * @param purpose null means generic
 * @param storage null means the registry's own store
 */
public record NewFileset(
    WorkspaceName workspace,
    EntityName name,
    String description,
    String project,
    FilesetPurpose purpose,
    Map<String, Object> metadata,
    Map<String, Object> customFields,
    FilesetStorage storage) {

  public NewFileset {
    Objects.requireNonNull(workspace, "workspace");
  }
}
