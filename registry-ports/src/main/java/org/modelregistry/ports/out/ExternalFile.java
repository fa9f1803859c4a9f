package org.modelregistry.ports.out;

import java.util.Objects;
import java.util.Optional;
import org.modelregistry.domain.naming.FilePath;

/**
 * One file at an external source, as the source describes it.
 *
 * @param path its path relative to the fileset's root (an S3 prefix, a repository's root)
 * @param size its length in bytes
 * @param etag the source's strong tag for these bytes, without quotes
 * @param sha256 the SHA-256 of its bytes (lower-case hex) when the source publishes it, so a copy
 *     can be checked against it
 */
public record ExternalFile(FilePath path, long size, String etag, Optional<String> sha256) {

  public ExternalFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(etag, "etag");
    Objects.requireNonNull(sha256, "sha256");
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative");
    }
  }
}
