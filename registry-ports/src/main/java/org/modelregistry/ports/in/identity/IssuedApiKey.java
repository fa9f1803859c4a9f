package org.modelregistry.ports.in.identity;

import java.util.Objects;
import org.modelregistry.domain.identity.ApiKey;
import org.modelregistry.domain.identity.ApiKeySecret;

/**
 * A key just issued: its stored record and the key itself, which exists outside the caller only now
 * (the registry keeps its hash). Its {@code toString} shows the prefix, never the secret.
 */
public record IssuedApiKey(ApiKey key, ApiKeySecret secret) {

  public IssuedApiKey {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(secret, "secret");
    if (!key.prefix().equals(secret.prefix()) || !secret.matches(key.hash())) {
      throw new IllegalArgumentException("the record is not the one of this key");
    }
  }
}
