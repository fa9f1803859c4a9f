package org.modelregistry.ports.in;

import org.modelregistry.domain.model.Model;

/** Registers a model, optionally from a template whose creation parameters it must satisfy. */
public interface CreateModelUseCase {

  /**
   * Stores the model and returns it with its id, creation stamp and derived schemas.
   *
   * @throws org.modelregistry.domain.error.ValidationException when the template is unknown, its
   *     model type differs (a template the caller may not see is unknown), or the creation
   *     parameters do not fit its schema
   * @throws org.modelregistry.domain.error.ForbiddenException when the caller is not a member of
   *     the model's account
   * @throws org.modelregistry.domain.error.ConflictException when the account already has a model
   *     of that name
   */
  Model createModel(CreateModelCommand command);
}
