package org.modelregistry.adapter.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.modelregistry.domain.document.TemplateDocuments;
import org.modelregistry.domain.template.Template;

/**
 * A template as the reference's {@code ModelTemplateResponse}: the definition exactly as the domain
 * writes it (defaults filled in), plus identity and creation stamp.
 */
final class TemplateResponse {

  private TemplateResponse() {}

  static Map<String, Object> from(Template template) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", template.id());
    body.putAll(TemplateDocuments.write(template.definition()));
    body.put("created_at", WireTime.format(template.createdAt()));
    body.put("created_by_user_id", template.createdBy().userId());
    body.put("created_by_identity_type", template.createdBy().identityType().wireValue());
    return Collections.unmodifiableMap(body);
  }
}
