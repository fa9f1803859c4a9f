package org.modelregistry.application.registration;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls a value until it satisfies a condition, with a deadline instead of a fixed sleep. */
final class Polling {

  private static final Duration DEADLINE = Duration.ofSeconds(20);

  private Polling() {}

  static <T> T until(Supplier<T> probe, Predicate<T> condition) {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    T value = probe.get();
    while (!condition.test(value)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not reached within " + DEADLINE + ": last " + value);
      }
      Thread.onSpinWait();
      Thread.yield();
      value = probe.get();
    }
    return value;
  }
}
