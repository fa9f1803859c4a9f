package org.modelregistry.application;

import java.util.Objects;
import org.modelregistry.domain.error.NotFoundException;
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
  public Template getTemplate(String templateId) {
    return templates
        .findById(templateId)
        .orElseThrow(() -> NotFoundException.of("model template", templateId));
  }
}
