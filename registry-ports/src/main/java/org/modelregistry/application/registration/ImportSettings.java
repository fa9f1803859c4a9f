package org.modelregistry.application.registration;

import java.time.Duration;
import java.util.Objects;

/**
 * How model files are imported.
 *
 * @param parallelFiles how many files are copied at once, over all imports of this node
 * @param maxFileBytes the largest file accepted, in bytes
 * @param maxModelBytes the largest total of one version's files, in bytes
 * @param maxAttempts how often one file is tried before it fails (1: no retry)
 * @param firstBackoff the pause before the second attempt; it doubles per attempt
 * @param maxBackoff the longest pause between attempts
 * @param progressEvery bytes copied between two progress records of one file
 * @param onRestart what happens at startup to imports a stopped node left unfinished
 */
public record ImportSettings(
    int parallelFiles,
    long maxFileBytes,
    long maxModelBytes,
    int maxAttempts,
    Duration firstBackoff,
    Duration maxBackoff,
    long progressEvery,
    RestartPolicy onRestart) {

  /** What to do with an import interrupted by a stop. */
  public enum RestartPolicy {
    /** Copy again every file not yet stored. */
    RESUME,
    /** Fail the version; its owner registers it again. */
    FAIL
  }

  public static final ImportSettings DEFAULTS =
      new ImportSettings(
          4,
          100L << 30,
          1L << 40,
          4,
          Duration.ofSeconds(1),
          Duration.ofSeconds(30),
          16L << 20,
          RestartPolicy.RESUME);

  public ImportSettings {
    require(parallelFiles >= 1, "parallelFiles must be at least 1");
    require(maxFileBytes >= 1, "maxFileBytes must be positive");
    require(maxModelBytes >= 1, "maxModelBytes must be positive");
    require(maxAttempts >= 1, "maxAttempts must be at least 1");
    Objects.requireNonNull(firstBackoff, "firstBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    require(!firstBackoff.isNegative() && !maxBackoff.isNegative(), "backoffs cannot be negative");
    require(progressEvery >= 1, "progressEvery must be positive");
    Objects.requireNonNull(onRestart, "onRestart");
  }

  /** The pause before attempt {@code attempt} (2 or more). */
  Duration backoffBefore(int attempt) {
    Duration pause = firstBackoff;
    for (int i = 2; i < attempt && pause.compareTo(maxBackoff) < 0; i++) {
      pause = pause.multipliedBy(2);
    }
    return pause.compareTo(maxBackoff) > 0 ? maxBackoff : pause;
  }

  private static void require(boolean holds, String message) {
    if (!holds) {
      throw new IllegalArgumentException(message);
    }
  }
}
