package org.modelregistry.ports.in;

import org.modelregistry.domain.identity.Caller;

/** Deletes a template that no model uses. */
public interface DeleteTemplateUseCase {

  /**
   * @throws org.modelregistry.domain.error.NotFoundException when there is no such template the
   *     caller may see
   * @throws org.modelregistry.domain.error.ForbiddenException when it may see it but is not a
   *     member of its account
   * @throws org.modelregistry.domain.error.ConflictException while a model still uses it
   */
  void deleteTemplate(Caller caller, String templateId);
}
