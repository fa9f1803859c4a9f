package org.modelregistry.application.workspace;

import org.modelregistry.domain.error.NotFoundException;
import org.modelregistry.domain.workspace.Fileset;
import org.modelregistry.domain.workspace.FilesetRef;
import org.modelregistry.domain.workspace.ModelEntity;
import org.modelregistry.domain.workspace.ModelRef;
import org.modelregistry.ports.out.FilesetRepository;
import org.modelregistry.ports.out.ModelEntityRepository;

/** Finding the addressed model entity or fileset, or failing with the one not-found message. */
final class WorkspaceLookups {

  private WorkspaceLookups() {}

  static ModelEntity requireModel(ModelEntityRepository models, ModelRef ref) {
    return models.find(ref.workspace(), ref.name()).orElseThrow(() -> modelNotFound(ref));
  }

  static NotFoundException modelNotFound(ModelRef ref) {
    return NotFoundException.of("model", ref.toString());
  }

  static Fileset requireFileset(FilesetRepository filesets, FilesetRef ref) {
    return filesets.find(ref.workspace(), ref.name()).orElseThrow(() -> filesetNotFound(ref));
  }

  static NotFoundException filesetNotFound(FilesetRef ref) {
    return NotFoundException.of("fileset", ref.toString());
  }
}
