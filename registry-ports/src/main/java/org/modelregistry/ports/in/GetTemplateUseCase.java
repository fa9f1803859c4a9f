package org.modelregistry.ports.in;

import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.template.Template;

/** Reads one template. */
public interface GetTemplateUseCase {

  /**
   * @return the template with this id, never null
   * @throws org.modelregistry.domain.error.NotFoundException when there is none the caller may see
   */
  Template getTemplate(Caller caller, String templateId);
}
