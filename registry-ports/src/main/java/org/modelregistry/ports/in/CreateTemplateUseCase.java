package org.modelregistry.ports.in;

import org.modelregistry.domain.template.Template;

/** Registers a new model template. */
public interface CreateTemplateUseCase {

  /**
   * Stores the template and returns it with its id and creation stamp.
   *
   * @throws org.modelregistry.domain.error.ForbiddenException when the caller is not a member of
   *     the template's account
   * @throws org.modelregistry.domain.error.ConflictException when the account already has a
   *     template of that name
   */
  Template createTemplate(CreateTemplateCommand command);
}
