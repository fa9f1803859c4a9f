package org.modelregistry.ports.in;

import org.modelregistry.domain.template.Template;

/** Registers a new model template. */
public interface CreateTemplateUseCase {

  /**
   * Stores the template and returns it with its id and creation stamp.
   *
   * @throws org.modelregistry.domain.error.ConflictException when the account already has a
   *     template of that name
   */
  Template createTemplate(CreateTemplateCommand command);
}
