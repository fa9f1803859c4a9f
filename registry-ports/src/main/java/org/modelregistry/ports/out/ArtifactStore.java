package org.modelregistry.ports.out;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.modelregistry.domain.naming.FilePath;

/**
 * Private storage of artifact bytes, addressed by relative {@link FilePath}s. Content is streamed
 * in and out; no implementation holds a whole file in memory. Implementations are safe for
 * concurrent use and re-check paths themselves (defence in depth against traversal).
 */
public interface ArtifactStore {

  /**
   * Stores {@code content} at {@code path}, replacing what was there. Readers see either the old
   * content or the complete new content, never a partial file. The stream is read to its end but
   * not closed.
   *
   * @param expectedSize the content's length when known in advance, else -1; a stream that ends at
   *     another length fails the write and stores nothing
   * @return the stored size and SHA-256 of what was written
   * @throws StorageException when the bytes cannot be written (nothing is left behind)
   */
  StoredArtifact write(FilePath path, InputStream content, long expectedSize);

  /**
   * Opens a stored file for reading from byte {@code offset}, at most {@code length} bytes (-1 for
   * everything to the end). The caller closes the stream.
   *
   * @return empty when nothing is stored at {@code path}
   * @throws IllegalArgumentException when {@code offset} is negative or beyond the end
   * @throws StorageException when the store cannot be read
   */
  Optional<InputStream> read(FilePath path, long offset, long length);

  /** Size and digest of the file at {@code path}, or empty when there is none. */
  Optional<StoredArtifact> stat(FilePath path);

  /** Deletes the file at {@code path}; returns false when there was none. */
  boolean delete(FilePath path);

  /** Every file stored below {@code prefix} (a folder), in path order. */
  List<StoredArtifact> list(FilePath prefix);

  /** Deletes every file below {@code prefix}; returns how many were deleted. */
  int deleteAll(FilePath prefix);
}
