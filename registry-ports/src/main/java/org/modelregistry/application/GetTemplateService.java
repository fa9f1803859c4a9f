package org.modelregistry.application;

import java.util.Objects;
import org.modelregistry.domain.error.NotFoundException;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.template.Template;
import org.modelregistry.ports.in.GetTemplateUseCase;
import org.modelregistry.ports.out.TemplateRepository;

/** Reads templates. */
public final class GetTemplateService implements GetTemplateUseCase {

  private final TemplateRepository templates;

  public GetTemplateService(TemplateRepository templates) {
    this.templates = Objects.requireNonNull(templates);
  }

  @Override
  public Template getTemplate(Caller caller, String templateId) {
    // One not visible to the caller is not found: no 403 that would tell it exists.
    return templates
        .findById(templateId)
        .filter(template -> template.isVisibleTo(caller))
        .orElseThrow(() -> NotFoundException.of("model template", templateId));
  }
}
