package org.modelregistry.adapter.storage.external;

import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalLong;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.ports.out.ExternalSourceException;

/**
 * What the external sources answer for a range that starts at or beyond the end of a file, which
 * the port defines alike for every source: an empty read at the end, a failure beyond it.
 */
final class FileRanges {

  private FileRanges() {}

  /**
   * The read of a range from {@code offset} of a file of {@code size} bytes, once the source said
   * the range starts at or beyond its end.
   *
   * @param size the file's size, or empty when the source has no file there (then so is the read)
   * @param where the source as messages name it after the path ("in bucket 'b'", "at https://hub")
   * @param cause what the source answered, or null
   * @throws ExternalSourceException when {@code offset} is beyond the end
   */
  static Optional<InputStream> atOrBeyondEnd(
      Optional<Long> size, FilePath path, long offset, String where, Throwable cause) {
    if (size.isPresent() && offset > size.get()) {
      throw beyondEnd(path, offset, OptionalLong.of(size.get()), where, cause);
    }
    return size.map(found -> InputStream.nullInputStream());
  }

  /**
   * The failure of a read from {@code offset}, beyond the end of the file.
   *
   * @param size the file's size, when known
   * @param where the source as messages name it after the path
   * @param cause what the source answered, or null
   */
  static ExternalSourceException beyondEnd(
      FilePath path, long offset, OptionalLong size, String where, Throwable cause) {
    return new ExternalSourceException(
        "offset "
            + offset
            + " is beyond the end of '"
            + path
            + "'"
            + (size.isPresent() ? " (" + size.getAsLong() + " bytes)" : "")
            + " "
            + where,
        cause);
  }
}
