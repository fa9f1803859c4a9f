package org.modelregistry.adapter.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Timestamps on the wire: ISO-8601 in UTC with microseconds, e.g. 2026-11-23T09:00:00.123456Z. */
final class WireTime {

  // Fixed width, so that clients never meet a timestamp without a fraction.
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private WireTime() {}

  static String format(Instant instant) {
    return FORMAT.format(instant);
  }
}
