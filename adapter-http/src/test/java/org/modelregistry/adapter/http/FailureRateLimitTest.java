package org.modelregistry.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The token bucket that limits failed authentications per address. */
class FailureRateLimitTest {

  private final MovingClock clock = new MovingClock();
  private final FailureRateLimit limit = new FailureRateLimit(3, Duration.ofSeconds(60), clock);

  @Test
  void givenFailuresWithinTheAllowance_retryAfter_isEmpty() {
    limit.recordFailure("10.0.0.1");
    limit.recordFailure("10.0.0.1");

    assertThat(limit.retryAfter("10.0.0.1")).isEmpty();
    assertThat(limit.retryAfter("10.0.0.2")).isEmpty();
  }

  @Test
  void givenTheAllowanceUsedUp_retryAfter_saysHowLongUntilOneMoreTry() {
    for (int i = 0; i < 3; i++) {
      limit.recordFailure("10.0.0.1");
    }

    assertThat(limit.retryAfter("10.0.0.1")).hasValue(Duration.ofSeconds(20));
    assertThat(limit.retryAfter("10.0.0.2")).as("other addresses").isEmpty();

    clock.advance(Duration.ofSeconds(15));
    assertThat(limit.retryAfter("10.0.0.1")).hasValue(Duration.ofSeconds(5));
    clock.advance(Duration.ofSeconds(5));
    assertThat(limit.retryAfter("10.0.0.1")).isEmpty();

    limit.recordFailure("10.0.0.1");
    assertThat(limit.retryAfter("10.0.0.1")).as("one regained try, used again").isPresent();
  }

  @Test
  void givenManyAddresses_recordFailure_dropsThoseThatRegainedEverything() {
    for (int i = 0; i < FailureRateLimit.MAX_TRACKED; i++) {
      limit.recordFailure("address-" + i);
    }
    assertThat(limit.tracked()).isEqualTo(FailureRateLimit.MAX_TRACKED);

    clock.advance(Duration.ofSeconds(60));
    limit.recordFailure("newcomer");

    assertThat(limit.tracked()).isEqualTo(1);
    assertThat(limit.retryAfter("newcomer")).isEmpty();
  }

  @Test
  void givenManyAddressesStillLimited_recordFailure_keepsMemoryBounded() {
    for (int i = 0; i <= FailureRateLimit.MAX_TRACKED; i++) {
      limit.recordFailure("address-" + i);
    }

    assertThat(limit.tracked()).isLessThanOrEqualTo(FailureRateLimit.MAX_TRACKED);
  }

  @Test
  void givenNonsenseLimits_construction_isRefused() {
    assertThatThrownBy(() -> new FailureRateLimit(0, Duration.ofSeconds(1), clock))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FailureRateLimit(1, Duration.ZERO, clock))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static final class MovingClock extends Clock {
    private Instant now = Instant.parse("2026-11-23T12:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
