package org.modelregistry.application.workspace;

import java.util.Objects;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.workspace.FilesetRef;
import org.modelregistry.ports.in.workspace.FilesetFile;
import org.modelregistry.ports.in.workspace.ReadFilesetFileUseCase;
import org.modelregistry.ports.out.FilesetRepository;

/**
 * Streams the files of filesets, whole or as a range, wherever they are kept (see {@link
 * FilesetContents}: a Hugging Face file is copied into the registry's store on its first read).
 */
public final class ReadFilesetFileService implements ReadFilesetFileUseCase {

  private final FilesetRepository filesets;
  private final FilesetContents contents;

  public ReadFilesetFileService(FilesetRepository filesets, FilesetContents contents) {
    this.filesets = Objects.requireNonNull(filesets);
    this.contents = Objects.requireNonNull(contents);
  }

  @Override
  public FilesetFile describe(Caller caller, FilesetRef fileset, FilePath path) {
    return contents.describe(WorkspaceLookups.requireFileset(filesets, caller, fileset), path);
  }

  @Override
  public FileContent open(
      Caller caller, FilesetRef fileset, FilePath path, long offset, long length) {
    return contents.open(
        WorkspaceLookups.requireFileset(filesets, caller, fileset), path, offset, length);
  }
}
