package org.modelregistry.ports.in.workspace;

import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.workspace.ModelRef;

/** Deletes a model entity with its adapters (not the filesets they use). */
public interface DeleteModelEntityUseCase {

  /**
   * Deletes the entity {@code ref} names.
   *
   * @throws org.modelregistry.domain.error.NotFoundException when there is none
   * @throws org.modelregistry.domain.error.ConflictException when another model names it as its
   *     {@code base_model}
   */
  void delete(Caller caller, ModelRef ref);
}
