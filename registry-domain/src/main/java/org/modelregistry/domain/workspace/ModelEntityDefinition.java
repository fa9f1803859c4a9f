package org.modelregistry.domain.workspace;

import java.util.List;
import org.modelregistry.domain.error.Violations;
import org.modelregistry.domain.naming.BoundedText;
import org.modelregistry.domain.spec.ModelSpec;

/**
 * Everything a caller states about a model entity. Only the name is required; {@code spec} may be
 * null (the platform derives it from the fileset's checkpoint), and {@code modelProviders} is never
 * null (an empty list when none).
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
    boolean trustRemoteCode) {

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
    violations.throwIfAny();
    modelProviders = modelProviders == null ? List.of() : List.copyOf(modelProviders);
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
        trustRemoteCode);
  }
}
