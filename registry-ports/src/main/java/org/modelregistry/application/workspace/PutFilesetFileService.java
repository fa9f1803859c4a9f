package org.modelregistry.application.workspace;

import java.io.InputStream;
import java.util.Objects;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.workspace.Fileset;
import org.modelregistry.domain.workspace.FilesetRef;
import org.modelregistry.ports.in.workspace.FilesetFile;
import org.modelregistry.ports.in.workspace.PutFilesetFileUseCase;
import org.modelregistry.ports.out.ArtifactStore;
import org.modelregistry.ports.out.FilesetRepository;
import org.modelregistry.ports.out.StoredArtifact;

/**
 * Streams uploads into the store. The fileset is checked before and after the write: a fileset
 * deleted while its file was uploading has swept its folder already, so the late file is deleted
 * here rather than left behind.
 */
public final class PutFilesetFileService implements PutFilesetFileUseCase {

  private final FilesetRepository filesets;
  private final ArtifactStore store;

  public PutFilesetFileService(FilesetRepository filesets, ArtifactStore store) {
    this.filesets = Objects.requireNonNull(filesets);
    this.store = Objects.requireNonNull(store);
  }

  @Override
  public FilesetFile put(
      Caller caller, FilesetRef fileset, FilePath path, InputStream content, long expectedSize) {
    Fileset target = WorkspaceLookups.requireFileset(filesets, caller, fileset);
    FilesetFiles.requireWritable(target);
    FilePath stored = FilesetFiles.stored(fileset, path);
    StoredArtifact written = store.write(stored, content, expectedSize);
    if (filesets.find(fileset.workspace(), fileset.name()).isEmpty()) {
      store.delete(stored);
      throw WorkspaceLookups.filesetNotFound(fileset);
    }
    return FilesetFiles.describe(path, written);
  }
}
