package org.modelregistry.application.workspace;

import java.util.List;
import java.util.Objects;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.workspace.FilesetRef;
import org.modelregistry.ports.in.workspace.FilesetFile;
import org.modelregistry.ports.in.workspace.ListFilesetFilesUseCase;
import org.modelregistry.ports.out.FilesetRepository;

/** Lists the files of filesets, wherever they are kept (see {@link FilesetContents}). */
public final class ListFilesetFilesService implements ListFilesetFilesUseCase {

  private final FilesetRepository filesets;
  private final FilesetContents contents;

  public ListFilesetFilesService(FilesetRepository filesets, FilesetContents contents) {
    this.filesets = Objects.requireNonNull(filesets);
    this.contents = Objects.requireNonNull(contents);
  }

  @Override
  public List<FilesetFile> list(Caller caller, FilesetRef fileset) {
    return contents.list(WorkspaceLookups.requireFileset(filesets, caller, fileset));
  }
}
