package org.modelregistry.ports.in.workspace;

import java.util.Locale;
import java.util.Objects;
import org.modelregistry.domain.naming.FilePath;

/**
 * One file of a fileset.
 *
 * @param path its path within the fileset
 * @param size its length in bytes
 * @param etag an opaque strong validator of its bytes, without quotes: the SHA-256 (lower-case hex)
 *     of files in the registry's store, the source's own tag of files read from an external source
 * @param cacheStatus whether the bytes of an external file are held in the registry's store
 */
public record FilesetFile(FilePath path, long size, String etag, CacheStatus cacheStatus) {

  public FilesetFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(etag, "etag");
    Objects.requireNonNull(cacheStatus, "cacheStatus");
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative");
    }
  }

  /** A file of the registry's own store, whose SHA-256 is its tag. */
  public static FilesetFile stored(FilePath path, long size, String sha256) {
    return new FilesetFile(path, size, sha256, CacheStatus.NOT_CACHEABLE);
  }

  /** The reference's {@code CacheStatus}. */
  public enum CacheStatus {
    /** Kept in the registry's store, or read through from its source every time. */
    NOT_CACHEABLE,
    /** An external file whose bytes the registry's store holds. */
    CACHED,
    /** An external file being copied into the registry's store now. */
    CACHING,
    /** An external file that is copied into the registry's store on its first read. */
    NOT_CACHED;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
