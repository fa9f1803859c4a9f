package org.modelregistry.ports.in;

import org.modelregistry.domain.identity.Caller;

/** Deletes a model. */
public interface DeleteModelUseCase {

  /**
   * @throws org.modelregistry.domain.error.NotFoundException when there is no such model the caller
   *     may see
   * @throws org.modelregistry.domain.error.ForbiddenException when it may see it but is not a
   *     member of its account
   */
  void deleteModel(Caller caller, String modelId);
}
