package org.modelregistry.ports.in.workspace;

import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.workspace.ModelEntity;
import org.modelregistry.domain.workspace.ModelEntityPatch;
import org.modelregistry.domain.workspace.ModelRef;

/** Changes a model entity; absent fields keep their value. */
public interface PatchModelEntityUseCase {

  /**
   * Applies {@code patch} to the entity. A changed fileset or base model must exist; a change of
   * the fileset or of the trust_remote_code flag re-checks the trust policy. A changed fileset in
   * the registry's own store, with no spec in the patch, gets the spec derived from its files.
   *
   * @throws org.modelregistry.domain.error.NotFoundException when there is no such entity
   * @throws org.modelregistry.domain.error.ValidationException when the new fileset does not exist
   *     ({@code fileset}), the new base model does not exist or is the entity itself ({@code
   *     base_model}), trust_remote_code is not allowed ({@code trust_remote_code}), or a checkpoint
   *     file is corrupt ({@code files.<path>})
   */
  ModelEntity patch(Caller caller, ModelRef ref, ModelEntityPatch patch);
}
