package org.modelregistry.adapter.http;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A request refused because it did not authenticate (before routing, or when a handler asks for its
 * caller and it has none): 401 with a Bearer challenge, or 429 with {@code Retry-After} when its
 * address failed too often (see {@link ErrorMapping}). Its message never holds the key presented.
 */
final class AuthenticationFailed extends RuntimeException {

  private final transient Optional<Duration> retryAfter;

  private AuthenticationFailed(String message, Optional<Duration> retryAfter) {
    super(message, null, false, false);
    this.retryAfter = retryAfter;
  }

  /** No key, or one that does not authenticate: 401. */
  static AuthenticationFailed unauthenticated(String message) {
    return new AuthenticationFailed(message, Optional.empty());
  }

  /** Too many failures from one address: 429 until {@code retryAfter} has passed. */
  static AuthenticationFailed tooManyFailures(Duration retryAfter) {
    Objects.requireNonNull(retryAfter, "retryAfter");
    return new AuthenticationFailed(
        "too many failed authentications; try again later", Optional.of(retryAfter));
  }

  /** How long to wait, for a 429; empty for a 401. */
  Optional<Duration> retryAfter() {
    return retryAfter;
  }
}
