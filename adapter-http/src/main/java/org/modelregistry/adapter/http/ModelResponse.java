package org.modelregistry.adapter.http;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.modelregistry.domain.document.ModelDocuments;
import org.modelregistry.domain.model.Model;

/**
 * A model as the reference's {@code ModelInstanceResponse}, or {@code
 * ModelInstanceResponseWithViews} when views are asked for: the definition as the domain writes it
 * plus identity, creation stamp and the derived fields.
 */
final class ModelResponse {

  private ModelResponse() {}

  static Map<String, Object> from(Model model) {
    return from(model, List.of());
  }

  static Map<String, Object> from(Model model, Collection<ModelView> views) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", model.id());
    body.putAll(ModelDocuments.write(model.definition()));
    body.put("created_at", WireTime.format(model.createdAt()));
    body.put("created_by_user_id", model.createdBy().userId());
    body.put("created_by_identity_type", model.createdBy().identityType().wireValue());
    body.put("request_schema", model.requestSchema());
    body.put("response_schema", model.responseSchema());
    body.put("deployment_count", model.deploymentCount());
    body.put("supports_multi_turn", model.supportsMultiTurn());
    if (views.contains(ModelView.DEPLOYMENTS)) {
      // The registry does not manage deployments, so every model has none.
      body.put("deployments", List.of());
    }
    // ModelView.MODEL_GROUP adds nothing: there is no model group entity to embed yet, and the
    // reference makes model_group optional.
    return Collections.unmodifiableMap(body);
  }
}
