package org.modelregistry.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Creation stamps are kept to the microsecond, the precision every supported database stores. */
public final class Timestamps {

  private Timestamps() {}

  public static Instant now(Clock clock) {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
