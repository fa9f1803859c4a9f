package org.modelregistry.ports.in.identity;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An API key as a caller asks for it.
 *
 * @param identityId whom the key authenticates as
 * @param name what its owner calls it; null for an unnamed key (the domain checks its length)
 * @param expiresAt when it stops working, which must be in the future; empty for never
 */
public record NewApiKey(String identityId, String name, Optional<Instant> expiresAt) {

  public NewApiKey {
    Objects.requireNonNull(identityId, "identityId");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** An unnamed key for {@code identityId} that never expires. */
  public static NewApiKey forIdentity(String identityId) {
    return new NewApiKey(identityId, null, Optional.empty());
  }
}
