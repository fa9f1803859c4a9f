package org.modelregistry.application.workspace;

import java.util.Optional;
import org.modelregistry.domain.error.NotFoundException;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.workspace.Fileset;
import org.modelregistry.domain.workspace.FilesetRef;
import org.modelregistry.domain.workspace.ModelEntity;
import org.modelregistry.domain.workspace.ModelRef;
import org.modelregistry.domain.workspace.WorkspaceName;
import org.modelregistry.ports.out.FilesetRepository;
import org.modelregistry.ports.out.ModelEntityRepository;

/**
 * Finding the addressed model entity or fileset as the caller may see it, or failing with the one
 * not-found message. What lies in a workspace the caller is not a member of is not found, exactly
 * as what does not exist: no answer tells an outsider that a name is taken.
 */
final class WorkspaceLookups {

  private WorkspaceLookups() {}

  static boolean visible(Caller caller, WorkspaceName workspace) {
    return caller.belongsToWorkspace(workspace.value());
  }

  static Optional<ModelEntity> findModel(
      ModelEntityRepository models, Caller caller, ModelRef ref) {
    return visible(caller, ref.workspace())
        ? models.find(ref.workspace(), ref.name())
        : Optional.empty();
  }

  static ModelEntity requireModel(ModelEntityRepository models, Caller caller, ModelRef ref) {
    return findModel(models, caller, ref).orElseThrow(() -> modelNotFound(ref));
  }

  /** Fails as not found unless the caller may see what is in {@code ref}'s workspace. */
  static void requireVisible(Caller caller, ModelRef ref) {
    if (!visible(caller, ref.workspace())) {
      throw modelNotFound(ref);
    }
  }

  static NotFoundException modelNotFound(ModelRef ref) {
    return NotFoundException.of("model", ref.toString());
  }

  static Optional<Fileset> findFileset(FilesetRepository filesets, Caller caller, FilesetRef ref) {
    return visible(caller, ref.workspace())
        ? filesets.find(ref.workspace(), ref.name())
        : Optional.empty();
  }

  static Fileset requireFileset(FilesetRepository filesets, Caller caller, FilesetRef ref) {
    return findFileset(filesets, caller, ref).orElseThrow(() -> filesetNotFound(ref));
  }

  static NotFoundException filesetNotFound(FilesetRef ref) {
    return NotFoundException.of("fileset", ref.toString());
  }
}
