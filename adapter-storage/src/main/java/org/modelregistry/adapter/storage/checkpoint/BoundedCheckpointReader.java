package org.modelregistry.adapter.storage.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.modelregistry.domain.document.DocumentNumbers;
import org.modelregistry.domain.error.ValidationException;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.spec.SafetensorsHeader;
import org.modelregistry.ports.out.CheckpointReader;
import org.modelregistry.ports.out.ReadableFiles;
import org.modelregistry.ports.out.StorageException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads checkpoint metadata from any {@link ReadableFiles} (the registry's store, an S3 bucket, a
 * Hugging Face repository): the size comes from the store's or source's record, so a limit is
 * checked before a byte is read, and only the bytes a limit admits are ever requested (ranged
 * reads), whatever the file claims about itself. Stateless and thread-safe.
 */
public final class BoundedCheckpointReader implements CheckpointReader {

  private static final TypeReference<Map<String, Object>> DOCUMENT = new TypeReference<>() {};

  private static final JsonMapper JSON =
      JsonMapper.builder()
          // Exact decimals (DocumentNumbers keeps a BigDecimal as written; a double has rounded).
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          // A repeated key would make two readers see two documents.
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  @Override
  public Optional<Map<String, Object>> readJson(ReadableFiles files, FilePath path, long maxBytes) {
    OptionalLong size = files.size(path);
    if (size.isEmpty()) {
      return Optional.empty();
    }
    if (size.getAsLong() > maxBytes) {
      throw ValidationException.of(
          "the file has " + size.getAsLong() + " bytes; at most " + maxBytes + " are read",
          "file_too_large");
    }
    return Optional.of(parse(readRange(files, path, 0, size.getAsLong()), "the file"));
  }

  @Override
  public Optional<SafetensorsHeader> readSafetensorsHeader(ReadableFiles files, FilePath path) {
    OptionalLong size = files.size(path);
    if (size.isEmpty()) {
      return Optional.empty();
    }
    long fileSize = size.getAsLong();
    if (fileSize < SafetensorsHeader.PREFIX_LENGTH) {
      // The domain's own check names this case; it needs no bytes.
      SafetensorsHeader.checkHeaderLength(0, fileSize);
    }
    long headerLength =
        ByteBuffer.wrap(readRange(files, path, 0, SafetensorsHeader.PREFIX_LENGTH))
            .order(ByteOrder.LITTLE_ENDIAN)
            .getLong();
    SafetensorsHeader.checkHeaderLength(headerLength, fileSize);
    byte[] header = readRange(files, path, SafetensorsHeader.PREFIX_LENGTH, headerLength);
    return Optional.of(
        SafetensorsHeader.of(headerLength, fileSize, parse(header, "the safetensors header")));
  }

  private static byte[] readRange(ReadableFiles files, FilePath path, long offset, long length) {
    if (length > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("a range of " + length + " bytes is too long to read");
    }
    if (length == 0) {
      return new byte[0];
    }
    InputStream in =
        files
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
