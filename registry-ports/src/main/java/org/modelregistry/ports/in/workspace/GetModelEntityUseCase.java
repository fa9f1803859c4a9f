package org.modelregistry.ports.in.workspace;

import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.workspace.ModelEntity;
import org.modelregistry.domain.workspace.ModelRef;

/** Reads one model entity. */
public interface GetModelEntityUseCase {

  /**
   * The entity {@code ref} names, with its adapters.
   *
   * @throws org.modelregistry.domain.error.NotFoundException when there is none the caller may see
   *     (one in a workspace it is not a member of)
   */
  ModelEntity get(Caller caller, ModelRef ref);
}
