package org.modelregistry.adapter.http;

import java.util.Objects;
import org.modelregistry.domain.identity.Actor;

/**
 * How the HTTP adapter is configured.
 *
 * @param maxRequestBodyBytes the largest JSON request body accepted; larger ones answer 413 (file
 *     uploads are streamed to the store and not limited by it)
 * @param localIdentity the identity every request acts as until authentication exists; it becomes
 *     {@code created_by_user_id} / {@code created_by_identity_type} of what requests create
 * @param localIdentityAdmin whether that identity is an administrator (for example, it may set
 *     {@code trust_remote_code} on any workspace model)
 */
public record HttpSettings(
    long maxRequestBodyBytes, Actor localIdentity, boolean localIdentityAdmin) {

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
    return new HttpSettings(DEFAULT_MAX_REQUEST_BODY_BYTES, localIdentity, false);
  }

  /** The same settings with another body limit. */
  public HttpSettings withMaxRequestBodyBytes(long bytes) {
    return new HttpSettings(bytes, localIdentity, localIdentityAdmin);
  }

  /** The same settings with the local identity an administrator or not. */
  public HttpSettings withLocalIdentityAdmin(boolean admin) {
    return new HttpSettings(maxRequestBodyBytes, localIdentity, admin);
  }
}
