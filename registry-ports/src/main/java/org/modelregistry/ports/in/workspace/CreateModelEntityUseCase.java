package org.modelregistry.ports.in.workspace;

import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.workspace.ModelEntity;
import org.modelregistry.domain.workspace.ModelEntityDefinition;
import org.modelregistry.domain.workspace.WorkspaceName;

/** Creates a model entity in a workspace. */
public interface CreateModelEntityUseCase {

  /**
   * Stores a new entity without adapters. When it names a fileset in the registry's own store and
   * states no spec, the spec is derived from the fileset's checkpoint files.
   *
   * @throws org.modelregistry.domain.error.ForbiddenException when the caller is not a member of
   *     the workspace
   * @throws org.modelregistry.domain.error.ConflictException when the workspace already has an
   *     entity of that name
   * @throws org.modelregistry.domain.error.ValidationException when the fileset does not exist
   *     ({@code fileset}), the base model does not exist ({@code base_model}), trust_remote_code is
   *     not allowed for the caller and source ({@code trust_remote_code}), or a checkpoint file is
   *     corrupt ({@code files.<path>})
   */
  ModelEntity create(Caller caller, WorkspaceName workspace, ModelEntityDefinition definition);
}
