package org.modelregistry.ports.in.workspace;

import java.util.Objects;
import org.modelregistry.domain.naming.FilePath;

/**
 * One file of a fileset as stored.
 *
 * @param path its path within the fileset
 * @param size its length in bytes
 * @param sha256 its SHA-256 digest, lower-case hex (an ETag)
 */
public record FilesetFile(FilePath path, long size, String sha256) {

  public FilesetFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(sha256, "sha256");
  }
}
