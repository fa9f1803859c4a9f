package org.modelregistry.domain.workspace;

import java.util.List;
import org.modelregistry.domain.spec.ModelSpec;

/**
 * A partial update of a model entity: every null field keeps its current value. Name and workspace
 * never change.
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
    Boolean trustRemoteCode) {

  public ModelEntityPatch {
    modelProviders = modelProviders == null ? null : List.copyOf(modelProviders);
  }

  /** A patch that changes nothing. */
  public static ModelEntityPatch empty() {
    return new ModelEntityPatch(null, null, null, null, null, null, null, null, null, null);
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
        keep(trustRemoteCode, current.trustRemoteCode()));
  }

  private static <T> T keep(T patched, T current) {
    return patched != null ? patched : current;
  }
}
