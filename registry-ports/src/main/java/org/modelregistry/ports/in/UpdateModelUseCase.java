package org.modelregistry.ports.in;

import org.modelregistry.domain.model.Model;

/** Changes some attributes of a model; its account and template stay as they are. */
public interface UpdateModelUseCase {

  /**
   * @return the model as stored after the change
   * @throws org.modelregistry.domain.error.NotFoundException when there is no such model the caller
   *     may see
   * @throws org.modelregistry.domain.error.ForbiddenException when it may see it but is not a
   *     member of its account
   * @throws org.modelregistry.domain.error.ValidationException when the result breaks a rule
   * @throws org.modelregistry.domain.error.ConflictException when the new name is taken
   */
  Model updateModel(UpdateModelCommand command);
}
