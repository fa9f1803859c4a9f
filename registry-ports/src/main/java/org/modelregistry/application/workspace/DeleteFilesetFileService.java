package org.modelregistry.application.workspace;

import java.util.Objects;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.workspace.FilesetRef;
import org.modelregistry.ports.in.workspace.DeleteFilesetFileUseCase;
import org.modelregistry.ports.in.workspace.FilesetFile;
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
  public FilesetFile delete(Caller caller, FilesetRef fileset, FilePath path) {
    FilesetFiles.requireWritable(WorkspaceLookups.requireFileset(filesets, caller, fileset));
    FilePath stored = FilesetFiles.stored(fileset, path);
    FilesetFile file =
        store
            .stat(stored)
            .map(found -> FilesetFiles.describe(path, found))
            .orElseThrow(() -> FilesetFiles.fileNotFound(fileset, path));
    // A concurrent delete may win between the look and the deletion: then this one found nothing.
    if (!store.delete(stored)) {
      throw FilesetFiles.fileNotFound(fileset, path);
    }
    return file;
  }
}
