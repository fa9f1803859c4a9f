package org.modelregistry.adapter.http;

import java.util.Objects;
import org.modelregistry.domain.identity.Actor;

/**
 * How the HTTP adapter is configured.
 *
 * @param maxRequestBodyBytes the largest request body accepted; larger ones answer 413
 * @param localIdentity the identity every request acts as until authentication exists; it becomes
 *     {@code created_by_user_id} / {@code created_by_identity_type} of what requests create
 */
public record HttpSettings(long maxRequestBodyBytes, Actor localIdentity) {

  /** 1 MiB. */
  public static final long DEFAULT_MAX_REQUEST_BODY_BYTES = 1024 * 1024;

  public HttpSettings {
    Objects.requireNonNull(localIdentity, "localIdentity");
    if (maxRequestBodyBytes < 1) {
      throw new IllegalArgumentException("maxRequestBodyBytes must be positive");
    }
  }

  /** Settings with the default body limit, acting as {@code localIdentity}. */
  public static HttpSettings forLocalIdentity(Actor localIdentity) {
    return new HttpSettings(DEFAULT_MAX_REQUEST_BODY_BYTES, localIdentity);
  }

  /** The same settings with another body limit. */
  public HttpSettings withMaxRequestBodyBytes(long bytes) {
    return new HttpSettings(bytes, localIdentity);
  }
}
