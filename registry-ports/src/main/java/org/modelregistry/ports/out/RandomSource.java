package org.modelregistry.ports.out;

import java.security.SecureRandom;

/** Cryptographically strong random bytes, for secrets such as API keys. */
public interface RandomSource {

  /** {@code count} new random bytes, never null; safe for concurrent use. */
  byte[] bytes(int count);

  /** Bytes from the platform's strong {@link SecureRandom}, which is safe for concurrent use. */
  static RandomSource strong() {
    SecureRandom random = new SecureRandom();
    return count -> {
      byte[] bytes = new byte[count];
      random.nextBytes(bytes);
      return bytes;
    };
  }
}
