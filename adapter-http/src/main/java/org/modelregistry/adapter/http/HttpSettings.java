package org.modelregistry.adapter.http;

import java.time.Duration;
import java.util.Objects;
import org.modelregistry.domain.identity.Actor;

/**
 * How the HTTP adapter is configured.
 *
 * @param maxRequestBodyBytes the largest JSON request body accepted; larger ones answer 413 (file
 *     uploads are streamed to the store and have their own limit, {@code maxUploadBytes})
 * @param localIdentity the identity every request acts as when the API is created without an
 *     authenticating {@link IdentitySource}; it becomes {@code created_by_user_id} / {@code
 *     created_by_identity_type} of what requests create
 * @param maxUploadBytes the largest file one fileset upload may store; larger ones answer 413 and
 *     store nothing
 * @param localIdentityAdmin whether that identity is an administrator (for example, it may set
 *     {@code trust_remote_code} on any workspace model)
 * @param shutdownGrace how long stopping the server waits for requests in flight to finish (it
 *     accepts no new connection meanwhile) before it cuts them off
 */
public record HttpSettings(
    long maxRequestBodyBytes,
    Actor localIdentity,
    boolean localIdentityAdmin,
    long maxUploadBytes,
    Duration shutdownGrace) {

  /** 1 MiB. */
  public static final long DEFAULT_MAX_REQUEST_BODY_BYTES = 1024 * 1024;

  /** 100 GiB, as the largest file an import accepts. */
  public static final long DEFAULT_MAX_UPLOAD_BYTES = 100L << 30;

  /** Thirty seconds: a slow download may be cut, a ?wait (one minute at most) answers early. */
  public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(30);

  public HttpSettings {
    Objects.requireNonNull(localIdentity, "localIdentity");
    if (maxRequestBodyBytes < 1) {
      throw new IllegalArgumentException("maxRequestBodyBytes must be positive");
    }
    if (maxUploadBytes < 0) {
      throw new IllegalArgumentException("maxUploadBytes must not be negative");
    }
    Objects.requireNonNull(shutdownGrace, "shutdownGrace");
    if (shutdownGrace.isNegative()) {
      throw new IllegalArgumentException("shutdownGrace must not be negative");
    }
  }

  /** Settings with the default limits, acting as {@code localIdentity}. */
  public static HttpSettings forLocalIdentity(Actor localIdentity) {
    return new HttpSettings(
        DEFAULT_MAX_REQUEST_BODY_BYTES,
        localIdentity,
        false,
        DEFAULT_MAX_UPLOAD_BYTES,
        DEFAULT_SHUTDOWN_GRACE);
  }

  /** The same settings with another body limit. */
  public HttpSettings withMaxRequestBodyBytes(long bytes) {
    return new HttpSettings(
        bytes, localIdentity, localIdentityAdmin, maxUploadBytes, shutdownGrace);
  }

  /** The same settings with the local identity an administrator or not. */
  public HttpSettings withLocalIdentityAdmin(boolean admin) {
    return new HttpSettings(
        maxRequestBodyBytes, localIdentity, admin, maxUploadBytes, shutdownGrace);
  }

  /** The same settings with another limit on one uploaded file. */
  public HttpSettings withMaxUploadBytes(long bytes) {
    return new HttpSettings(
        maxRequestBodyBytes, localIdentity, localIdentityAdmin, bytes, shutdownGrace);
  }

  public HttpSettings withShutdownGrace(Duration grace) {
    return new HttpSettings(
        maxRequestBodyBytes, localIdentity, localIdentityAdmin, maxUploadBytes, grace);
  }
}
