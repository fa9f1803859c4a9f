package org.modelregistry.ports.in;

/** Deletes a template that no model uses. */
public interface DeleteTemplateUseCase {

  /**
   * @throws org.modelregistry.domain.error.NotFoundException when there is no such template
   * @throws org.modelregistry.domain.error.ConflictException while a model still uses it
   */
  void deleteTemplate(String templateId);
}
