package org.modelregistry.ports.out;

import java.util.Objects;
import java.util.Optional;
import org.modelregistry.domain.registration.Secret;

/**
 * How to fetch a source: with a bearer token, and which bytes.
 *
 * @param bearerToken sent as {@code Authorization: Bearer ...} to the URL's own host only; a
 *     redirect to another host (a CDN's signed URL) goes there without it
 * @param offset the first byte wanted
 * @param length how many bytes from {@code offset}, or -1 for everything to the end
 */
public record FetchRequest(Optional<Secret> bearerToken, long offset, long length) {

  /** The whole body, without credentials. */
  public static final FetchRequest WHOLE = new FetchRequest(Optional.empty(), 0, -1);

  public FetchRequest {
    Objects.requireNonNull(bearerToken, "bearerToken");
    if (offset < 0 || length < -1 || length == 0) {
      throw new IllegalArgumentException("offset " + offset + ", length " + length);
    }
  }

  /** The whole body, with {@code token} when present. */
  public static FetchRequest whole(Optional<Secret> token) {
    return new FetchRequest(token, 0, -1);
  }

  /** Whether only part of the body is asked for. */
  public boolean isRange() {
    return offset > 0 || length >= 0;
  }
}
