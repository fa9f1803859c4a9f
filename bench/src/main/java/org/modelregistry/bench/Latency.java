package org.modelregistry.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * The measured durations of one operation, and their order statistics.
 *
 * @param operation what was measured
 * @param nanos one duration per measured call, sorted
 */
record Latency(String operation, long[] nanos) {

  /** One call of the measured operation; {@code sample} counts calls from 0, warm-up included. */
  @FunctionalInterface
  interface Call {
    void run(int sample) throws Exception;
  }

  /**
   * Runs {@code call} {@code warmup} times unmeasured, then {@code samples} times, timing each call
   * with {@link System#nanoTime()}. Calls run one after another on this thread.
   */
  static Latency measure(String operation, int warmup, int samples, Call call) throws Exception {
    for (int i = 0; i < warmup; i++) {
      call.run(i);
    }
    long[] nanos = new long[samples];
    for (int i = 0; i < samples; i++) {
      long started = System.nanoTime();
      call.run(warmup + i);
      nanos[i] = System.nanoTime() - started;
    }
    Arrays.sort(nanos);
    return new Latency(operation, nanos);
  }

  /** The nearest-rank percentile: the smallest duration at least {@code p} % of calls took. */
  long percentile(double p) {
    int rank = (int) Math.ceil(p / 100 * nanos.length);
    return nanos[Math.max(0, rank - 1)];
  }

  long max() {
    return nanos[nanos.length - 1];
  }

  double meanNanos() {
    return Arrays.stream(nanos).average().orElse(0);
  }

  static final String HEADER =
      String.format(
          Locale.ROOT,
          "  %-58s %10s %10s %10s %10s",
          "operation",
          "p50 ms",
          "p99 ms",
          "max ms",
          "mean ms");

  /** One line of the report's table. */
  String line() {
    return String.format(
        Locale.ROOT,
        "  %-58s %10.3f %10.3f %10.3f %10.3f",
        operation,
        millis(percentile(50)),
        millis(percentile(99)),
        millis(max()),
        meanNanos() / 1e6);
  }

  /** The same as a Markdown table row, for bench/README.md. */
  String markdownRow() {
    return String.format(
        Locale.ROOT,
        "| %s | %.3f | %.3f | %.3f | %.3f |",
        operation,
        millis(percentile(50)),
        millis(percentile(99)),
        millis(max()),
        meanNanos() / 1e6);
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }
}
