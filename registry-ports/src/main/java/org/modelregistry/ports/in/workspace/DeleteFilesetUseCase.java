package org.modelregistry.ports.in.workspace;

import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.workspace.Fileset;
import org.modelregistry.domain.workspace.FilesetRef;

/** Deletes a fileset and every file stored for it. */
public interface DeleteFilesetUseCase {

  /**
   * Deletes the fileset {@code ref} names, then its files in the registry's store.
   *
   * @return the fileset as it was before it was deleted
   * @throws org.modelregistry.domain.error.NotFoundException when there is none
   * @throws org.modelregistry.domain.error.ConflictException when a model entity or one of its
   *     adapters uses it
   */
  Fileset delete(Caller caller, FilesetRef ref);
}
