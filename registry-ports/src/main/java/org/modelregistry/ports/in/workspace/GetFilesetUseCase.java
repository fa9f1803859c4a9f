package org.modelregistry.ports.in.workspace;

import org.modelregistry.domain.workspace.Fileset;
import org.modelregistry.domain.workspace.FilesetRef;

/** Reads one fileset. */
public interface GetFilesetUseCase {

  /**
   * The fileset {@code ref} names.
   *
   * @throws org.modelregistry.domain.error.NotFoundException when there is none
   */
  Fileset get(FilesetRef ref);
}
