package org.modelregistry.ports.out;

import java.util.Objects;
import org.modelregistry.domain.naming.FilePath;

/**
 * What the store knows of one stored file.
 *
 * @param path where it is stored
 * @param size its length in bytes
 * @param sha256 its SHA-256 digest, lower-case hex
 */
public record StoredArtifact(FilePath path, long size, String sha256) {

  public StoredArtifact {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(sha256, "sha256");
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative");
    }
    if (!sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
    }
  }
}
