package org.modelregistry.ports.out;

/** Cryptographically strong random bytes, for secrets such as API keys. */
public interface RandomSource {

  /** {@code count} new random bytes, never null; safe for concurrent use. */
  byte[] bytes(int count);
}
