package org.modelregistry.application.workspace;

import java.util.Objects;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.workspace.Fileset;
import org.modelregistry.ports.in.workspace.FilesetQuery;
import org.modelregistry.ports.in.workspace.ListFilesetsUseCase;
import org.modelregistry.ports.out.FilesetRepository;
import org.modelregistry.ports.paging.Page;

/** Lists filesets as the repository pages them. */
public final class ListFilesetsService implements ListFilesetsUseCase {

  private final FilesetRepository filesets;

  public ListFilesetsService(FilesetRepository filesets) {
    this.filesets = Objects.requireNonNull(filesets);
  }

  @Override
  public Page<Fileset> list(Caller caller, FilesetQuery query) {
    Objects.requireNonNull(query, "query");
    // An outsider sees an empty workspace, as it would one that nobody has used yet.
    if (!WorkspaceLookups.visible(caller, query.workspace())) {
      return Page.empty(query.page().page(), query.page().pageSize());
    }
    return filesets.list(query);
  }
}
