package org.modelregistry.ports.out;

import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.modelregistry.domain.naming.FilePath;

/**
 * Read-only, ranged access to a set of files by relative path, wherever they are kept: what a
 * {@link CheckpointReader} reads checkpoint metadata from.
 */
public interface ReadableFiles {

  /** The size of the file at {@code path}, or empty when there is none. */
  OptionalLong size(FilePath path);

  /**
   * Opens {@code length} bytes of the file at {@code path} from {@code offset} (-1: to the end).
   * The caller closes the stream.
   *
   * @return empty when there is no file at {@code path}
   */
  Optional<InputStream> read(FilePath path, long offset, long length);

  /** The files stored in {@code store} below {@code folder}. */
  static ReadableFiles in(ArtifactStore store, FilePath folder) {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(folder, "folder");
    return new ReadableFiles() {
      @Override
      public OptionalLong size(FilePath path) {
        return store
            .stat(path.under(folder))
            .map(stored -> OptionalLong.of(stored.size()))
            .orElse(OptionalLong.empty());
      }

      @Override
      public Optional<InputStream> read(FilePath path, long offset, long length) {
        return store.read(path.under(folder), offset, length);
      }
    };
  }
}
