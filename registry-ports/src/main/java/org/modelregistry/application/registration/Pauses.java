package org.modelregistry.application.registration;

import java.time.Duration;

/** Interruptible pauses of the background work (retry backoff, polling another node's import). */
final class Pauses {

  private Pauses() {}

  /**
   * Pauses for {@code pause}; false when interrupted (the interrupt flag is kept set, so the caller
   * stops).
   */
  static boolean pause(Duration pause) {
    try {
      Thread.sleep(pause);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
