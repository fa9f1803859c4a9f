package org.modelregistry.application.workspace;

import java.util.List;
import java.util.Optional;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.workspace.FilesetRef;
import org.modelregistry.ports.out.ArtifactStore;

/**
 * Where the files of a fileset kept in the registry's own store live: below {@code
 * filesets/{workspace}/{name}/}, each at its path within the fileset. Workspace and fileset names
 * can never be {@code .} or {@code ..}, so the folder is always a valid {@link FilePath}.
 */
public final class FilesetStorageLayout {

  private static final String ROOT = "filesets";

  private FilesetStorageLayout() {}

  /** The folder holding every file of {@code fileset}. */
  public static FilePath folder(FilesetRef fileset) {
    return new FilePath(ROOT + "/" + fileset.workspace().value() + "/" + fileset.name().value());
  }

  /** Where the file {@code path} (relative to the fileset) of {@code fileset} is stored. */
  public static FilePath file(FilesetRef fileset, FilePath path) {
    return path.under(folder(fileset));
  }

  /** The paths, relative to the fileset, of every file stored for {@code fileset}, in order. */
  public static List<FilePath> files(ArtifactStore store, FilesetRef fileset) {
    return store.list(folder(fileset)).stream()
        .flatMap(stored -> relative(fileset, stored.path()).stream())
        .toList();
  }

  /** The path within {@code fileset} of the stored file {@code stored}, if it is one of its. */
  public static Optional<FilePath> relative(FilesetRef fileset, FilePath stored) {
    String prefix = folder(fileset).value() + "/";
    return stored.value().startsWith(prefix)
        ? Optional.of(new FilePath(stored.value().substring(prefix.length())))
        : Optional.empty();
  }
}
