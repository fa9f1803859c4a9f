package org.modelregistry.application;

import java.util.Objects;
import org.modelregistry.domain.template.Template;
import org.modelregistry.ports.in.ListTemplatesUseCase;
import org.modelregistry.ports.in.TemplateQuery;
import org.modelregistry.ports.out.TemplateRepository;
import org.modelregistry.ports.paging.Page;

/** Lists templates. */
public final class ListTemplatesService implements ListTemplatesUseCase {

  private final TemplateRepository templates;

  public ListTemplatesService(TemplateRepository templates) {
    this.templates = Objects.requireNonNull(templates);
  }

  @Override
  public Page<Template> listTemplates(TemplateQuery query) {
    return templates.list(query);
  }
}
