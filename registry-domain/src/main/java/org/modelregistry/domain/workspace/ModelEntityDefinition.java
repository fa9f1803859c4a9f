package org.modelregistry.domain.workspace;

import java.util.List;
import java.util.Map;
import org.modelregistry.domain.error.Violations;
import org.modelregistry.domain.naming.BoundedText;
import org.modelregistry.domain.spec.ModelSpec;

/**
 * Everything a caller states about a model entity. Only the name is required; {@code spec} may be
 * null (the platform derives it from the fileset's checkpoint), and {@code modelProviders} is never
 * null (an empty list when none).
 *
 * <p>{@code prompt} is null when none is set (prompt data with no field set counts as none). {@code
 * customFields} and {@code ownership} are free-form JSON objects the registry stores and returns
 * without interpreting: never null (empty when none), unmodifiable all the way down, in their given
 * order, numbers in {@link org.modelregistry.domain.document.DocumentNumbers} form. Like fileset
 * metadata they have no size limit of their own; the request body limit bounds them.
 */
public record ModelEntityDefinition(
    EntityName name,
    String description,
    ProjectName project,
    ModelRef baseModel,
    FinetuningType finetuningType,
    BackendFormat backendFormat,
    FilesetRef fileset,
    List<ModelRef> modelProviders,
    ApiEndpoint apiEndpoint,
    ModelSpec spec,
    boolean trustRemoteCode,
    PromptData prompt,
    Map<String, Object> customFields,
    Map<String, Object> ownership) {

  public ModelEntityDefinition {
    var violations = Violations.collect();
    violations.require(name != null, Violations.MISSING, "name is required", "name");
    violations
        .at("description")
        .attempt(
            () ->
                BoundedText.requireAtMost(description, BoundedText.DESCRIPTION_MAX, "description"));
    if (modelProviders != null) {
      for (int i = 0; i < modelProviders.size(); i++) {
        violations.require(
            modelProviders.get(i) != null,
            Violations.MISSING,
            "a model provider must not be null",
            "model_providers",
            i);
      }
    }
    var custom =
        FreeFormObjects.copy(customFields, violations.at("custom_fields"), "custom_fields");
    var owners = FreeFormObjects.copy(ownership, violations.at("ownership"), "ownership");
    violations.throwIfAny();
    modelProviders = modelProviders == null ? List.of() : List.copyOf(modelProviders);
    prompt = prompt == null || prompt.isEmpty() ? null : prompt;
    customFields = custom == null ? Map.of() : custom;
    ownership = owners == null ? Map.of() : owners;
  }

  /** This definition with its spec replaced, e.g. by the one derived from the checkpoint. */
  public ModelEntityDefinition withSpec(ModelSpec derived) {
    return new ModelEntityDefinition(
        name,
        description,
        project,
        baseModel,
        finetuningType,
        backendFormat,
        fileset,
        modelProviders,
        apiEndpoint,
        derived,
        trustRemoteCode,
        prompt,
        customFields,
        ownership);
  }
}
