package org.modelregistry.ports.out;

import java.util.Optional;
import org.modelregistry.domain.registration.SourceUrl;

/**
 * Fetches model files from their source URLs on the server side. Implementations guard every
 * connection against server-side request forgery: only allowed schemes, and never an address the
 * fetch policy blocks (loopback, private, link-local, multicast, cloud metadata) unless its host is
 * allowlisted, checked on the resolved address of every connection and every redirect.
 */
public interface SourceFetcher {

  /**
   * Why a fetch of {@code url} would be refused before any byte is sent: its scheme, or a host that
   * is or resolves to a blocked address. Empty when the URL passes (a host that does not resolve
   * passes here and fails at fetch time). The reason never contains the URL's query; it may name
   * the resolved address.
   */
  Optional<String> refusal(SourceUrl url);

  /**
   * Opens {@code url} for reading, following redirects a bounded number of times. The caller closes
   * the result.
   *
   * @throws SourceFetchException when the source cannot be fetched; {@link
   *     SourceFetchException#isRetryable()} tells whether trying again later may help
   */
  default FetchedSource open(SourceUrl url) {
    return open(url, FetchRequest.WHOLE);
  }

  /**
   * Opens {@code url} as {@code request} asks: with its bearer token (never sent to another host
   * than the URL's), and only its range of bytes. A source that ignores the range is cut to it
   * here, so the body is always exactly the bytes asked for (or fewer, when the source ends first).
   *
   * @throws SourceFetchException as {@link #open(SourceUrl)}; a range that starts beyond the end of
   *     the source is not retryable
   */
  FetchedSource open(SourceUrl url, FetchRequest request);
}
