package org.modelregistry.domain.naming;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.modelregistry.domain.error.ValidationException;

/**
 * A relative path of a stored file, such as {@code weights/model.safetensors}. The one place the
 * traversal rules live: no absolute paths, no {@code .} or {@code ..} segments, no backslashes, no
 * empty segments, no control characters, at most 1024 bytes of UTF-8 in all and at most 255 bytes
 * of UTF-8 per segment (the longest file name local filesystems take).
 */
public record FilePath(String value) {

  /** The most UTF-8 bytes a whole path may take. */
  public static final int MAX_BYTES = 1024;

  /** The most UTF-8 bytes one segment may take: the name limit of common local filesystems. */
  public static final int MAX_SEGMENT_BYTES = 255;

  public FilePath {
    if (value == null || value.isEmpty()) {
      throw invalid("a file path must not be empty");
    }
    if (value.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw invalid("a file path must be at most " + MAX_BYTES + " bytes");
    }
    if (value.startsWith("/")) {
      throw invalid("a file path must be relative, not start with '/'");
    }
    if (value.indexOf('\\') >= 0) {
      throw invalid("a file path must not contain backslashes");
    }
    if (value.length() >= 2 && value.charAt(1) == ':' && Character.isLetter(value.charAt(0))) {
      throw invalid("a file path must not start with a drive letter");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        throw invalid("a file path must not contain control characters");
      }
    }
    for (String segment : value.split("/", -1)) {
      if (segment.isEmpty()) {
        throw invalid("a file path must not contain empty segments ('//' or a trailing '/')");
      }
      if (segment.equals(".") || segment.equals("..")) {
        throw invalid("a file path must not contain '.' or '..' segments");
      }
      // Checked here rather than left to the import, where a longer name would only fail late.
      if (segment.getBytes(StandardCharsets.UTF_8).length > MAX_SEGMENT_BYTES) {
        throw invalid(
            "each segment of a file path (a folder or file name) must be at most "
                + MAX_SEGMENT_BYTES
                + " bytes of UTF-8");
      }
    }
  }

  /** The path's segments, in order. */
  public List<String> segments() {
    return List.of(value.split("/"));
  }

  /** The last segment. */
  public String fileName() {
    return value.substring(value.lastIndexOf('/') + 1);
  }

  /** This path below {@code parent}. */
  public FilePath under(FilePath parent) {
    return new FilePath(parent.value + "/" + value);
  }

  private static ValidationException invalid(String message) {
    return ValidationException.of(message, "path_invalid");
  }

  @Override
  public String toString() {
    return value;
  }
}
