package org.modelregistry.application.workspace;

import java.io.InputStream;
import java.util.Objects;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.workspace.FilesetRef;
import org.modelregistry.ports.in.workspace.FilesetFile;
import org.modelregistry.ports.in.workspace.ReadFilesetFileUseCase;
import org.modelregistry.ports.out.ArtifactStore;
import org.modelregistry.ports.out.FilesetRepository;

/** Streams stored files of filesets, whole or as a range. */
public final class ReadFilesetFileService implements ReadFilesetFileUseCase {

  private final FilesetRepository filesets;
  private final ArtifactStore store;

  public ReadFilesetFileService(FilesetRepository filesets, ArtifactStore store) {
    this.filesets = Objects.requireNonNull(filesets);
    this.store = Objects.requireNonNull(store);
  }

  @Override
  public FilesetFile describe(FilesetRef fileset, FilePath path) {
    WorkspaceLookups.requireFileset(filesets, fileset);
    return store
        .stat(FilesetFiles.stored(fileset, path))
        .map(stored -> FilesetFiles.describe(path, stored))
        .orElseThrow(() -> FilesetFiles.fileNotFound(fileset, path));
  }

  @Override
  public FileContent open(FilesetRef fileset, FilePath path, long offset, long length) {
    FilesetFile file = describe(fileset, path);
    if (offset < 0 || offset > file.size()) {
      throw new IllegalArgumentException(
          "offset " + offset + " is outside the file of " + file.size() + " bytes");
    }
    // The file may be deleted between the stat and the read: then it is simply not found.
    InputStream bytes =
        store
            .read(FilesetFiles.stored(fileset, path), offset, length)
            .orElseThrow(() -> FilesetFiles.fileNotFound(fileset, path));
    return new FileContent(file, bytes);
  }
}
