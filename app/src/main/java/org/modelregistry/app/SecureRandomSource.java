package org.modelregistry.app;

import java.security.SecureRandom;
import org.modelregistry.ports.out.RandomSource;

/** Random bytes from the platform's strong {@link SecureRandom}, for secrets such as API keys. */
final class SecureRandomSource implements RandomSource {

  // SecureRandom is safe for concurrent use.
  private final SecureRandom random = new SecureRandom();

  @Override
  public byte[] bytes(int count) {
    byte[] bytes = new byte[count];
    random.nextBytes(bytes);
    return bytes;
  }
}
