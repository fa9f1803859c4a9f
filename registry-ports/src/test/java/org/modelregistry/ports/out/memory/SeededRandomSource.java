package org.modelregistry.ports.out.memory;

import java.util.Random;
import org.modelregistry.ports.out.RandomSource;

/**
 * Random bytes that repeat from run to run: the same seed gives the same sequence. For tests only;
 * never for real secrets. Counts how many draws were made.
 */
public final class SeededRandomSource implements RandomSource {

  private final Random random;
  private int draws;

  public SeededRandomSource(long seed) {
    this.random = new Random(seed);
  }

  @Override
  public synchronized byte[] bytes(int count) {
    byte[] bytes = new byte[count];
    random.nextBytes(bytes);
    draws++;
    return bytes;
  }

  /** How many times {@link #bytes} was called. */
  public synchronized int draws() {
    return draws;
  }
}
