package org.modelregistry.domain.model;

import java.util.Map;
import org.modelregistry.domain.naming.ResourceName;
import org.modelregistry.domain.template.ModelType;

/**
 * A partial update of a model: every null field keeps its current value. The account can never
 * change; the template only to the value it already has.
 */
public record ModelPatch(
    ResourceName name,
    String displayName,
    ModelVendor modelVendor,
    ModelType modelType,
    String baseModelId,
    BaseModelMetadata baseModelMetadata,
    Map<String, Object> modelCreationParameters,
    String modelCard,
    String trainingDataCard,
    String modelTemplateId,
    String modelGroupId,
    String description) {

  /** The definition that results from applying this patch to {@code current}. */
  ModelDefinition applyTo(ModelDefinition current) {
    return new ModelDefinition(
        current.accountId(),
        keep(name, current.name()),
        keep(displayName, current.displayName()),
        keep(description, current.description()),
        keep(modelVendor, current.modelVendor()),
        keep(modelType, current.modelType()),
        keep(baseModelId, current.baseModelId()),
        keep(baseModelMetadata, current.baseModelMetadata()),
        keep(modelCreationParameters, current.modelCreationParameters()),
        keep(modelCard, current.modelCard()),
        keep(trainingDataCard, current.trainingDataCard()),
        current.modelTemplateId(),
        keep(modelGroupId, current.modelGroupId()));
  }

  private static <T> T keep(T patched, T current) {
    return patched != null ? patched : current;
  }
}
