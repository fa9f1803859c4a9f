package org.modelregistry.adapter.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits failed authentications per remote address with a token bucket: each address may fail
 * {@code maxFailures} times at once, and regains that allowance evenly over {@code window}. An
 * address without a whole token left is refused until it has one again. Safe for concurrent use.
 */
final class FailureRateLimit {

  /** Addresses tracked before full buckets (those that carry no information) are dropped. */
  static final int MAX_TRACKED = 10_000;

  private final int maxFailures;
  private final double tokensPerNano;
  private final Clock clock;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  FailureRateLimit(int maxFailures, Duration window, Clock clock) {
    if (maxFailures < 1) {
      throw new IllegalArgumentException("maxFailures must be positive");
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive");
    }
    this.maxFailures = maxFailures;
    this.tokensPerNano = maxFailures / (double) window.toNanos();
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** How long {@code address} must wait before it may try again; empty when it may now. */
  Optional<Duration> retryAfter(String address) {
    Bucket bucket = buckets.get(address);
    if (bucket == null) {
      return Optional.empty();
    }
    double tokens = refilled(bucket, clock.instant()).tokens();
    if (tokens >= 1) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofNanos((long) Math.ceil((1 - tokens) / tokensPerNano)));
  }

  /** Counts one failure of {@code address}. */
  void recordFailure(String address) {
    Instant now = clock.instant();
    if (buckets.size() >= MAX_TRACKED) {
      buckets.values().removeIf(b -> refilled(b, now).tokens() >= maxFailures);
      if (buckets.size() >= MAX_TRACKED) {
        // Failures from this many addresses at once: memory stays bounded, at the price of
        // forgetting them (a 256-bit key cannot be guessed anyway; the limit is against noise).
        buckets.clear();
      }
    }
    buckets.compute(
        address,
        (key, bucket) -> {
          Bucket current = bucket == null ? new Bucket(maxFailures, now) : refilled(bucket, now);
          return new Bucket(Math.max(0, current.tokens() - 1), now);
        });
  }

  /** How many addresses are tracked now. */
  int tracked() {
    return buckets.size();
  }

  /** {@code bucket} with what it regained until {@code now}. */
  private Bucket refilled(Bucket bucket, Instant now) {
    long elapsed = Math.max(0, Duration.between(bucket.at(), now).toNanos());
    return new Bucket(Math.min(maxFailures, bucket.tokens() + elapsed * tokensPerNano), now);
  }

  /** The allowance of one address as of {@code at}. */
  private record Bucket(double tokens, Instant at) {}
}
