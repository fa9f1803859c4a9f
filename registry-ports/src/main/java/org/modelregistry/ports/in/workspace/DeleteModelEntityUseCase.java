package org.modelregistry.ports.in.workspace;

import org.modelregistry.domain.workspace.ModelRef;

/** Deletes a model entity with its adapters (not the filesets they use). */
public interface DeleteModelEntityUseCase {

  /**
   * Deletes the entity {@code ref} names.
   *
   * @throws org.modelregistry.domain.error.NotFoundException when there is none
   */
  void delete(WorkspaceCaller caller, ModelRef ref);
}
