package org.modelregistry.adapter.persistence;

import java.time.Instant;

/**
 * Instants as BIGINT microseconds since the epoch: every database stores and orders them alike, and
 * a microsecond is the precision the application keeps (finer digits are dropped).
 */
final class EpochMicros {

  private static final long MICROS_PER_SECOND = 1_000_000L;

  private EpochMicros() {}

  static long of(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), MICROS_PER_SECOND), instant.getNano() / 1_000);
  }

  static Instant toInstant(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, MICROS_PER_SECOND),
        Math.floorMod(micros, MICROS_PER_SECOND) * 1_000L);
  }
}
