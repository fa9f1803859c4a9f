package org.modelregistry.ports.in;

import org.modelregistry.domain.template.Template;
import org.modelregistry.ports.paging.Page;

/** Lists templates. */
public interface ListTemplatesUseCase {

  /** One page of the templates that match, ordered by creation time then id. */
  Page<Template> listTemplates(TemplateQuery query);
}
