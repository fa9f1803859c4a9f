package org.modelregistry.application.workspace;

import java.util.List;
import java.util.Objects;
import org.modelregistry.domain.workspace.FilesetRef;
import org.modelregistry.ports.in.workspace.FilesetFile;
import org.modelregistry.ports.in.workspace.ListFilesetFilesUseCase;
import org.modelregistry.ports.out.ArtifactStore;
import org.modelregistry.ports.out.FilesetRepository;

/** Lists the files stored for filesets. */
public final class ListFilesetFilesService implements ListFilesetFilesUseCase {

  private final FilesetRepository filesets;
  private final ArtifactStore store;

  public ListFilesetFilesService(FilesetRepository filesets, ArtifactStore store) {
    this.filesets = Objects.requireNonNull(filesets);
    this.store = Objects.requireNonNull(store);
  }

  @Override
  public List<FilesetFile> list(FilesetRef fileset) {
    WorkspaceLookups.requireFileset(filesets, fileset);
    return store.list(FilesetStorageLayout.folder(fileset)).stream()
        .flatMap(
            stored ->
                FilesetStorageLayout.relative(fileset, stored.path()).stream()
                    .map(path -> FilesetFiles.describe(path, stored)))
        .toList();
  }
}
