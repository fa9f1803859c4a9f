package org.modelregistry.ports.out.memory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.ports.out.ArtifactStore;
import org.modelregistry.ports.out.StorageException;
import org.modelregistry.ports.out.StoredArtifact;

/**
 * Artifacts held in memory, safe for concurrent use: for tests and in-memory embedding with small
 * files only, since every file is read whole into the heap.
 */
public final class InMemoryArtifactStore implements ArtifactStore {

  private final Map<String, byte[]> files = new ConcurrentSkipListMap<>();

  @Override
  public StoredArtifact write(FilePath path, InputStream content, long expectedSize) {
    byte[] bytes;
    try {
      bytes = content.readAllBytes();
    } catch (IOException e) {
      throw new StorageException("cannot read the content of '" + path + "'", e);
    }
    if (expectedSize >= 0 && bytes.length != expectedSize) {
      throw new StorageException(
          "'" + path + "' has " + bytes.length + " bytes, expected " + expectedSize);
    }
    files.put(path.value(), bytes);
    return new StoredArtifact(path, bytes.length, sha256(bytes));
  }

  @Override
  public Optional<InputStream> read(FilePath path, long offset, long length) {
    byte[] bytes = files.get(path.value());
    if (bytes == null) {
      return Optional.empty();
    }
    if (offset < 0 || offset > bytes.length) {
      throw new IllegalArgumentException("offset " + offset + " is outside the file");
    }
    int count =
        (int) (length < 0 ? bytes.length - offset : Math.min(length, bytes.length - offset));
    return Optional.of(new ByteArrayInputStream(bytes, (int) offset, count));
  }

  @Override
  public Optional<StoredArtifact> stat(FilePath path) {
    byte[] bytes = files.get(path.value());
    return bytes == null
        ? Optional.empty()
        : Optional.of(new StoredArtifact(path, bytes.length, sha256(bytes)));
  }

  @Override
  public boolean delete(FilePath path) {
    return files.remove(path.value()) != null;
  }

  @Override
  public List<StoredArtifact> list(FilePath prefix) {
    String folder = prefix.value() + "/";
    return files.keySet().stream()
        .filter(p -> p.startsWith(folder))
        .map(p -> stat(new FilePath(p)).orElseThrow())
        .toList();
  }

  @Override
  public int deleteAll(FilePath prefix) {
    String folder = prefix.value() + "/";
    List<String> doomed = files.keySet().stream().filter(p -> p.startsWith(folder)).toList();
    doomed.forEach(files::remove);
    return doomed.size();
  }

  /** The bytes stored at {@code path}; none when nothing is. */
  public byte[] bytes(FilePath path) {
    byte[] stored = files.get(path.value());
    return stored == null ? null : stored.clone();
  }

  /** Every stored path, in order. */
  public List<String> paths() {
    return List.copyOf(files.keySet());
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform is required to provide SHA-256.
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
