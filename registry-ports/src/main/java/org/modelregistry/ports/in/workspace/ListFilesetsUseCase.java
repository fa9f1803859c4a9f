package org.modelregistry.ports.in.workspace;

import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.workspace.Fileset;
import org.modelregistry.ports.paging.Page;

/** Lists the filesets of a workspace. */
public interface ListFilesetsUseCase {

  /**
   * One page of the filesets {@code query} matches, in its order; never fails for no match (a
   * workspace the caller is not a member of has none).
   */
  Page<Fileset> list(Caller caller, FilesetQuery query);
}
