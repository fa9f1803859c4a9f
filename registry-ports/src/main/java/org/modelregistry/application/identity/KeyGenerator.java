package org.modelregistry.application.identity;

import java.util.Objects;
import org.modelregistry.domain.identity.ApiKeySecret;
import org.modelregistry.ports.out.RandomSource;

/** Draws new API keys from the registry's source of strong randomness. */
final class KeyGenerator {

  private final RandomSource random;

  KeyGenerator(RandomSource random) {
    this.random = Objects.requireNonNull(random);
  }

  ApiKeySecret next() {
    return ApiKeySecret.fromRandom(random.bytes(ApiKeySecret.RANDOM_BYTES));
  }
}
