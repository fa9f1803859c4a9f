package org.modelregistry.ports.in.workspace;

import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.workspace.Fileset;
import org.modelregistry.domain.workspace.FilesetRef;

/** Reads one fileset. */
public interface GetFilesetUseCase {

  /**
   * The fileset {@code ref} names.
   *
   * @throws org.modelregistry.domain.error.NotFoundException when there is none the caller may see
   *     (one in a workspace it is not a member of)
   */
  Fileset get(Caller caller, FilesetRef ref);
}
