package org.modelregistry.ports.in.workspace;

import org.modelregistry.domain.workspace.Fileset;
import org.modelregistry.ports.paging.Page;

/** Lists the filesets of a workspace. */
public interface ListFilesetsUseCase {

  /** One page of the filesets {@code query} matches, in its order; never fails for no match. */
  Page<Fileset> list(FilesetQuery query);
}
