package org.modelregistry.ports.out;

import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An open response body of a source. Reading the body may throw {@link SourceFetchException} (for
 * example a read timeout) or an {@link java.io.IOException} when the source closes early. A body
 * sent with neither a Content-Length nor chunked framing ends at the connection's close, so its
 * truncation cannot be detected; its {@link #contentLength()} is empty.
 */
public interface FetchedSource extends AutoCloseable {

  /** The length the source announced (Content-Length), or empty when it announced none. */
  OptionalLong contentLength();

  /**
   * The value of the response header {@code name} (case-insensitive), if the source sent it; the
   * last answer's headers after redirects.
   */
  default Optional<String> header(String name) {
    return Optional.empty();
  }

  /** The body; read it once, then close this. */
  InputStream body();

  @Override
  void close();
}
