package org.modelregistry.ports.in;

/** Deletes a model. */
public interface DeleteModelUseCase {

  /**
   * @throws org.modelregistry.domain.error.NotFoundException when there is no such model
   */
  void deleteModel(String modelId);
}
