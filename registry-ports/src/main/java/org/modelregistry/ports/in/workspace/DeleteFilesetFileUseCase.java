package org.modelregistry.ports.in.workspace;

import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.workspace.FilesetRef;

/** Deletes one file of a fileset kept in the registry's own store. */
public interface DeleteFilesetFileUseCase {

  /**
   * Deletes the file at {@code path} of the fileset.
   *
   * @return the file as it was before it was deleted
   * @throws org.modelregistry.domain.error.NotFoundException when there is no such fileset or file
   * @throws org.modelregistry.domain.error.ConflictException when the fileset's files live at an
   *     external source
   */
  FilesetFile delete(Caller caller, FilesetRef fileset, FilePath path);
}
