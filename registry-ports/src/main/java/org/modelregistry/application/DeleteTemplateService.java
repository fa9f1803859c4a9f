package org.modelregistry.application;

import java.util.Objects;
import org.modelregistry.domain.error.NotFoundException;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.template.Template;
import org.modelregistry.ports.in.DeleteTemplateUseCase;
import org.modelregistry.ports.out.TemplateRepository;

/** Deletes templates that no model uses; the repository refuses the others. */
public final class DeleteTemplateService implements DeleteTemplateUseCase {

  private final TemplateRepository templates;

  public DeleteTemplateService(TemplateRepository templates) {
    this.templates = Objects.requireNonNull(templates);
  }

  @Override
  public void deleteTemplate(Caller caller, String templateId) {
    Template template =
        templates
            .findById(templateId)
            .filter(t -> t.isVisibleTo(caller))
            .orElseThrow(() -> NotFoundException.of("model template", templateId));
    // A template's account never changes, so the check holds until the delete.
    caller.requireAccount(template.accountId());
    if (!templates.delete(templateId)) {
      throw NotFoundException.of("model template", templateId);
    }
  }
}
