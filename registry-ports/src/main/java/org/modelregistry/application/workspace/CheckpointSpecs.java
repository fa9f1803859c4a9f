package org.modelregistry.application.workspace;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.spec.ModelSpec;
import org.modelregistry.domain.workspace.Fileset;
import org.modelregistry.domain.workspace.FilesetRef;
import org.modelregistry.ports.in.spec.DeriveModelSpecUseCase;
import org.modelregistry.ports.out.FilesetRepository;

/**
 * Derives a model entity's spec from the checkpoint in its fileset, wherever its files are kept
 * (only their metadata is read); a missing or empty fileset gives no spec.
 */
final class CheckpointSpecs {

  private final FilesetRepository filesets;
  private final FilesetContents contents;
  private final DeriveModelSpecUseCase deriveSpec;

  CheckpointSpecs(
      FilesetRepository filesets, FilesetContents contents, DeriveModelSpecUseCase deriveSpec) {
    this.filesets = Objects.requireNonNull(filesets);
    this.contents = Objects.requireNonNull(contents);
    this.deriveSpec = Objects.requireNonNull(deriveSpec);
  }

  /**
   * The spec of the checkpoint in {@code fileset} (when {@code caller} may see it), recorded under
   * {@code checkpointModelName}.
   *
   * @throws org.modelregistry.domain.error.ValidationException naming each corrupt file
   */
  Optional<ModelSpec> derive(String checkpointModelName, Caller caller, FilesetRef fileset) {
    // Only a fileset the caller may see is read: a spec would tell what an outsider's holds.
    Optional<Fileset> found = WorkspaceLookups.findFileset(filesets, caller, fileset);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    List<FilePath> files = contents.paths(found.get());
    if (files.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        deriveSpec.derive(checkpointModelName, contents.readable(found.get()), files));
  }
}
