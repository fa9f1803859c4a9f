package org.modelregistry.adapter.storage.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.modelregistry.domain.document.DocumentNumbers;
import org.modelregistry.domain.error.ValidationException;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.spec.SafetensorsHeader;
import org.modelregistry.ports.out.ArtifactStore;
import org.modelregistry.ports.out.CheckpointReader;
import org.modelregistry.ports.out.StorageException;
import org.modelregistry.ports.out.StoredArtifact;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads checkpoint metadata from any {@link ArtifactStore}: the size comes from the store's record,
 * so a limit is checked before a byte is read, and only the bytes a limit admits are ever requested
 * (ranged reads), whatever the file claims about itself.
 */
public final class StoredCheckpointReader implements CheckpointReader {

  private static final TypeReference<Map<String, Object>> DOCUMENT = new TypeReference<>() {};

  private static final JsonMapper JSON =
      JsonMapper.builder()
          // Exact decimals (DocumentNumbers keeps a BigDecimal as written; a double has rounded).
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          // A repeated key would make two readers see two documents.
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private final ArtifactStore store;

  public StoredCheckpointReader(ArtifactStore store) {
    this.store = Objects.requireNonNull(store);
  }

  @Override
  public Optional<Map<String, Object>> readJson(FilePath path, long maxBytes) {
    Optional<StoredArtifact> stat = store.stat(path);
    if (stat.isEmpty()) {
      return Optional.empty();
    }
    if (stat.get().size() > maxBytes) {
      throw ValidationException.of(
          "the file has " + stat.get().size() + " bytes; at most " + maxBytes + " are read",
          "file_too_large");
    }
    return Optional.of(parse(readRange(path, 0, stat.get().size()), "the file"));
  }

  @Override
  public Optional<SafetensorsHeader> readSafetensorsHeader(FilePath path) {
    Optional<StoredArtifact> stat = store.stat(path);
    if (stat.isEmpty()) {
      return Optional.empty();
    }
    long fileSize = stat.get().size();
    if (fileSize < SafetensorsHeader.PREFIX_LENGTH) {
      // The domain's own check names this case; it needs no bytes.
      SafetensorsHeader.checkHeaderLength(0, fileSize);
    }
    long headerLength =
        ByteBuffer.wrap(readRange(path, 0, SafetensorsHeader.PREFIX_LENGTH))
            .order(ByteOrder.LITTLE_ENDIAN)
            .getLong();
    SafetensorsHeader.checkHeaderLength(headerLength, fileSize);
    byte[] header = readRange(path, SafetensorsHeader.PREFIX_LENGTH, headerLength);
    return Optional.of(
        SafetensorsHeader.of(headerLength, fileSize, parse(header, "the safetensors header")));
  }

  private byte[] readRange(FilePath path, long offset, long length) {
    if (length > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("a range of " + length + " bytes is too long to read");
    }
    InputStream in =
        store
            .read(path, offset, length)
            .orElseThrow(() -> new StorageException("'" + path + "' vanished while being read"));
    try (in) {
      byte[] bytes = in.readNBytes((int) length);
      if (bytes.length != length) {
        throw new StorageException(
            "'" + path + "' ended after " + bytes.length + " of " + length + " bytes");
      }
      return bytes;
    } catch (IOException e) {
      throw new StorageException("cannot read '" + path + "'", e);
    }
  }

  private static Map<String, Object> parse(byte[] bytes, String what) {
    try {
      Map<String, Object> document = JSON.readValue(bytes, DOCUMENT);
      if (document == null) {
        throw ValidationException.of(what + " is not a JSON object", "json_invalid");
      }
      return DocumentNumbers.normalizeDocument(document);
    } catch (JacksonException e) {
      throw ValidationException.of(
          what + " is not a JSON object: " + e.getOriginalMessage(), "json_invalid");
    } catch (IllegalArgumentException e) {
      throw ValidationException.of(what + " holds a value JSON documents cannot", "json_invalid");
    }
  }
}
