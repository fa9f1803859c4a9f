package org.modelregistry.ports.out;

import java.util.Map;
import java.util.Optional;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.spec.SafetensorsHeader;

/**
 * Reads the small metadata parts of a model checkpoint: JSON files such as {@code config.json}, and
 * the headers of {@code *.safetensors} files (never their tensors). Every read is bounded, so a
 * hostile file costs at most its limit.
 */
public interface CheckpointReader {

  /**
   * The JSON object at {@code path} of {@code files}, in the domain's number representation ({@code
   * DocumentNumbers}).
   *
   * @return empty when nothing is stored there
   * @throws org.modelregistry.domain.error.ValidationException with paths relative to the file
   *     (empty for the file as a whole) when it is larger than {@code maxBytes} or is not one JSON
   *     object
   */
  Optional<Map<String, Object>> readJson(ReadableFiles files, FilePath path, long maxBytes);

  /**
   * The validated header of the safetensors file at {@code path} of {@code files}: its length is
   * checked against the file's size before the header bytes are read.
   *
   * @return empty when nothing is stored there
   * @throws org.modelregistry.domain.error.ValidationException with paths relative to the file when
   *     the header breaks the format (see {@link SafetensorsHeader}) or is not one JSON object
   */
  Optional<SafetensorsHeader> readSafetensorsHeader(ReadableFiles files, FilePath path);
}
