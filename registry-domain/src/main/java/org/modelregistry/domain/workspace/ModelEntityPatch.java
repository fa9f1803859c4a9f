package org.modelregistry.domain.workspace;

import java.util.List;
import java.util.Map;
import org.modelregistry.domain.error.Violations;
import org.modelregistry.domain.spec.ModelSpec;

/**
 * A partial update of a model entity: every null field keeps its current value, every other one
 * replaces it whole (a prompt is not merged field by field; an empty {@code customFields} or {@code
 * ownership} clears it, and so does prompt data with no field set). Name and workspace never
 * change.
 */
public record ModelEntityPatch(
    String description,
    ProjectName project,
    ModelRef baseModel,
    FinetuningType finetuningType,
    BackendFormat backendFormat,
    FilesetRef fileset,
    List<ModelRef> modelProviders,
    ApiEndpoint apiEndpoint,
    ModelSpec spec,
    Boolean trustRemoteCode,
    PromptData prompt,
    Map<String, Object> customFields,
    Map<String, Object> ownership) {

  public ModelEntityPatch {
    var violations = Violations.collect();
    customFields =
        FreeFormObjects.copy(customFields, violations.at("custom_fields"), "custom_fields");
    ownership = FreeFormObjects.copy(ownership, violations.at("ownership"), "ownership");
    violations.throwIfAny();
    modelProviders = modelProviders == null ? null : List.copyOf(modelProviders);
  }

  /** A patch that changes nothing. */
  public static ModelEntityPatch empty() {
    return new ModelEntityPatch(
        null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  /** This patch with its spec replaced, e.g. by the one derived from a new fileset. */
  public ModelEntityPatch withSpec(ModelSpec derived) {
    return new ModelEntityPatch(
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

  /**
   * Whether applying this patch to {@code current} changes the fileset or the trust_remote_code
   * flag, so that the trust_remote_code policy has to be checked again.
   */
  public boolean requiresTrustCheck(ModelEntityDefinition current) {
    boolean filesetChanges = fileset != null && !fileset.equals(current.fileset());
    boolean flagChanges = trustRemoteCode != null && trustRemoteCode != current.trustRemoteCode();
    return filesetChanges || flagChanges;
  }

  /** The definition that results from applying this patch to {@code current}. */
  ModelEntityDefinition applyTo(ModelEntityDefinition current) {
    return new ModelEntityDefinition(
        current.name(),
        keep(description, current.description()),
        keep(project, current.project()),
        keep(baseModel, current.baseModel()),
        keep(finetuningType, current.finetuningType()),
        keep(backendFormat, current.backendFormat()),
        keep(fileset, current.fileset()),
        keep(modelProviders, current.modelProviders()),
        keep(apiEndpoint, current.apiEndpoint()),
        keep(spec, current.spec()),
        keep(trustRemoteCode, current.trustRemoteCode()),
        keep(prompt, current.prompt()),
        keep(customFields, current.customFields()),
        keep(ownership, current.ownership()));
  }

  private static <T> T keep(T patched, T current) {
    return patched != null ? patched : current;
  }
}
