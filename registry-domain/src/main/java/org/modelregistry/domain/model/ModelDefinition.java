package org.modelregistry.domain.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.modelregistry.domain.error.Violations;
import org.modelregistry.domain.naming.BoundedText;
import org.modelregistry.domain.naming.ResourceName;
import org.modelregistry.domain.template.ModelType;

/**
 * Everything a caller states about a model. Only the account, name and model type are required.
 * Creation parameters are plain JSON values (String, Boolean, numbers, lists, maps); an empty map
 * is the same as none.
 */
public record ModelDefinition(
    String accountId,
    ResourceName name,
    String displayName,
    String description,
    ModelVendor modelVendor,
    ModelType modelType,
    String baseModelId,
    BaseModelMetadata baseModelMetadata,
    Map<String, Object> modelCreationParameters,
    String modelCard,
    String trainingDataCard,
    String modelTemplateId,
    String modelGroupId) {

  public ModelDefinition {
    var violations = Violations.collect();
    if (accountId == null) {
      violations.add(Violations.MISSING, "account_id is required", "account_id");
    } else {
      violations
          .at("account_id")
          .attempt(
              () ->
                  BoundedText.requireNonBlank(accountId, BoundedText.IDENTIFIER_MAX, "account_id"));
    }
    violations.require(name != null, Violations.MISSING, "name is required", "name");
    violations.require(
        modelType != null, Violations.MISSING, "model_type is required", "model_type");
    bounded(violations, displayName, BoundedText.DISPLAY_NAME_MAX, "display_name");
    bounded(violations, description, BoundedText.DESCRIPTION_MAX, "description");
    bounded(violations, baseModelId, BoundedText.IDENTIFIER_MAX, "base_model_id");
    bounded(violations, modelCard, BoundedText.CARD_MAX, "model_card");
    bounded(violations, trainingDataCard, BoundedText.CARD_MAX, "training_data_card");
    bounded(violations, modelTemplateId, BoundedText.IDENTIFIER_MAX, "model_template_id");
    bounded(violations, modelGroupId, BoundedText.IDENTIFIER_MAX, "model_group_id");
    violations.throwIfAny();
    // Insertion order is kept so that responses echo parameters as they were sent.
    modelCreationParameters =
        modelCreationParameters == null || modelCreationParameters.isEmpty()
            ? null
            : Collections.unmodifiableMap(new LinkedHashMap<>(modelCreationParameters));
  }

  private static void bounded(Violations violations, String text, int max, String field) {
    violations.at(field).attempt(() -> BoundedText.requireAtMost(text, max, field));
  }

  /** The creation parameters, or an empty map when none were given. */
  public Map<String, Object> creationParametersOrEmpty() {
    return modelCreationParameters == null ? Map.of() : modelCreationParameters;
  }
}
