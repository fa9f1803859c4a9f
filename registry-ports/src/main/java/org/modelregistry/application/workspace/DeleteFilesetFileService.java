package org.modelregistry.application.workspace;

import java.util.Objects;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.workspace.FilesetRef;
import org.modelregistry.ports.in.workspace.DeleteFilesetFileUseCase;
import org.modelregistry.ports.in.workspace.WorkspaceCaller;
import org.modelregistry.ports.out.ArtifactStore;
import org.modelregistry.ports.out.FilesetRepository;

/** Deletes single files of filesets kept in the registry's own store. */
public final class DeleteFilesetFileService implements DeleteFilesetFileUseCase {

  private final FilesetRepository filesets;
  private final ArtifactStore store;

  public DeleteFilesetFileService(FilesetRepository filesets, ArtifactStore store) {
    this.filesets = Objects.requireNonNull(filesets);
    this.store = Objects.requireNonNull(store);
  }

  @Override
  public void delete(WorkspaceCaller caller, FilesetRef fileset, FilePath path) {
    FilesetFiles.requireWritable(WorkspaceLookups.requireFileset(filesets, fileset));
    if (!store.delete(FilesetFiles.stored(fileset, path))) {
      throw FilesetFiles.fileNotFound(fileset, path);
    }
  }
}
