package org.modelregistry.application.workspace;

import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.error.NotFoundException;
import org.modelregistry.domain.error.ValidationException;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.workspace.Fileset;
import org.modelregistry.domain.workspace.FilesetRef;
import org.modelregistry.domain.workspace.FilesetStorage;
import org.modelregistry.ports.in.workspace.FilesetFile;
import org.modelregistry.ports.out.StoredArtifact;

/** What the fileset file services share: where a file is stored, and their refusals. */
final class FilesetFiles {

  private FilesetFiles() {}

  /**
   * Where {@code path} of {@code fileset} is stored; a path that fits the rules alone but not below
   * the fileset's folder is a violation at {@code path}.
   */
  static FilePath stored(FilesetRef fileset, FilePath path) {
    try {
      return FilesetStorageLayout.file(fileset, path);
    } catch (ValidationException e) {
      throw ValidationException.of(
          "path '" + path + "' is too long to store in fileset '" + fileset + "'",
          "path_invalid",
          "path");
    }
  }

  /** Refuses writes to a fileset whose files live at an external source. */
  static void requireWritable(Fileset fileset) {
    if (!(fileset.storage() instanceof FilesetStorage.Local)) {
      throw new ConflictException(
          "fileset '"
              + fileset.ref()
              + "' reads its files from "
              + fileset.storage().type()
              + " storage; they cannot be changed through the registry");
    }
  }

  static NotFoundException fileNotFound(FilesetRef fileset, FilePath path) {
    return new NotFoundException("fileset '" + fileset + "' has no file '" + path + "'");
  }

  static FilesetFile describe(FilePath path, StoredArtifact stored) {
    return FilesetFile.stored(path, stored.size(), stored.sha256());
  }
}
