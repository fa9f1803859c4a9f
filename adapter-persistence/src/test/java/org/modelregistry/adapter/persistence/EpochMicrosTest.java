package org.modelregistry.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EpochMicrosTest {

  @Test
  void givenInstantsToTheMicrosecond_convertBothWays_returnsThemUnchanged() {
    for (String text :
        new String[] {
          "1970-01-01T00:00:00Z",
          "2026-03-04T05:06:07.123456Z",
          "1969-12-31T23:59:59.999999Z",
          "1900-01-01T00:00:00.000001Z",
          "9999-12-31T23:59:59.999999Z"
        }) {
      Instant instant = Instant.parse(text);

      assertThat(EpochMicros.toInstant(EpochMicros.of(instant))).as(text).isEqualTo(instant);
    }
  }

  @Test
  void givenKnownInstants_of_countsMicrosecondsSinceTheEpoch() {
    assertThat(EpochMicros.of(Instant.parse("1970-01-01T00:00:01.000002Z"))).isEqualTo(1_000_002L);
    assertThat(EpochMicros.of(Instant.parse("1969-12-31T23:59:59.999999Z"))).isEqualTo(-1L);
  }

  @Test
  void givenNanosecondDigits_of_dropsThem() {
    Instant instant = Instant.parse("2026-01-01T00:00:00.123456789Z");

    assertThat(EpochMicros.toInstant(EpochMicros.of(instant)))
        .isEqualTo(Instant.parse("2026-01-01T00:00:00.123456Z"));
  }
}
