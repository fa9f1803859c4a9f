package org.modelregistry.application.workspace;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.spec.ModelSpec;
import org.modelregistry.domain.workspace.FilesetRef;
import org.modelregistry.domain.workspace.FilesetStorage;
import org.modelregistry.ports.in.spec.DeriveModelSpecUseCase;
import org.modelregistry.ports.out.ArtifactStore;
import org.modelregistry.ports.out.FilesetRepository;

/**
 * Derives a model entity's spec from the checkpoint in its fileset. Only filesets in the registry's
 * own store have files to read; an external (S3, Hugging Face), missing or empty fileset gives no
 * spec.
 */
final class CheckpointSpecs {

  private final FilesetRepository filesets;
  private final ArtifactStore store;
  private final DeriveModelSpecUseCase deriveSpec;

  CheckpointSpecs(
      FilesetRepository filesets, ArtifactStore store, DeriveModelSpecUseCase deriveSpec) {
    this.filesets = Objects.requireNonNull(filesets);
    this.store = Objects.requireNonNull(store);
    this.deriveSpec = Objects.requireNonNull(deriveSpec);
  }

  /**
   * The spec of the checkpoint in {@code fileset}, recorded under {@code checkpointModelName}.
   *
   * @throws org.modelregistry.domain.error.ValidationException naming each corrupt file
   */
  Optional<ModelSpec> derive(String checkpointModelName, FilesetRef fileset) {
    boolean local =
        filesets
            .find(fileset.workspace(), fileset.name())
            .map(f -> f.storage() instanceof FilesetStorage.Local)
            .orElse(false);
    if (!local) {
      return Optional.empty();
    }
    List<FilePath> files = FilesetStorageLayout.files(store, fileset);
    if (files.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        deriveSpec.derive(checkpointModelName, FilesetStorageLayout.folder(fileset), files));
  }
}
