package org.modelregistry.application.operations;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.modelregistry.ports.in.operations.CheckReadinessUseCase;
import org.modelregistry.ports.in.operations.Readiness;
import org.modelregistry.ports.in.operations.Readiness.DependencyState;
import org.modelregistry.ports.out.DependencyCheck;

/**
 * Checks every dependency at once, each bounded by a timeout, and reuses the outcome for a moment:
 * probes from several load balancers then cost one round trip per dependency, not one each. Callers
 * that arrive while a round runs join it rather than start or queue behind another, and a check
 * still running when the next round is due is joined too, so a hung database never piles up waiting
 * threads. Changes of a dependency's state are logged with their reason.
 */
public final class CheckReadinessService implements CheckReadinessUseCase {

  private static final System.Logger LOG = System.getLogger(CheckReadinessService.class.getName());

  private final List<DependencyCheck> checks;
  private final Clock clock;
  private final Duration timeout;
  private final Duration reuseFor;
  // Guarded by this.
  private final Map<String, CompletableFuture<DependencyState>> running = new HashMap<>();
  private final Map<String, Boolean> lastUp = new HashMap<>();
  private CompletableFuture<Readiness> round;

  /**
   * @param timeout how long a dependency may take to answer before it counts as down
   * @param reuseFor how long an outcome answers later callers, from when it was complete; zero
   *     checks every time
   */
  public CheckReadinessService(
      List<DependencyCheck> checks, Clock clock, Duration timeout, Duration reuseFor) {
    this.checks = List.copyOf(Objects.requireNonNull(checks, "checks"));
    this.clock = Objects.requireNonNull(clock, "clock");
    this.timeout = requirePositive(timeout, "timeout");
    this.reuseFor = Objects.requireNonNull(reuseFor, "reuseFor");
    if (reuseFor.isNegative()) {
      throw new IllegalArgumentException("reuseFor must not be negative");
    }
  }

  private static Duration requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
    return duration;
  }

  @Override
  public Readiness readiness() {
    CompletableFuture<Readiness> current = currentRound();
    try {
      // A round ends within the timeout by construction; the margin only guards against a bug.
      return current.get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return allDown("the check was interrupted");
    } catch (ExecutionException | TimeoutException e) {
      return allDown("the check failed: " + e);
    }
  }

  /** The round in progress, the last one while it is fresh, or a new one. */
  private synchronized CompletableFuture<Readiness> currentRound() {
    if (round != null) {
      if (!round.isDone()) {
        return round;
      }
      Readiness last = round.getNow(null);
      if (last != null && clock.instant().isBefore(last.checkedAt().plus(reuseFor))) {
        return round;
      }
    }
    Map<DependencyCheck, CompletableFuture<DependencyState>> started = new HashMap<>();
    for (DependencyCheck check : checks) {
      started.put(check, running(check));
    }
    round =
        CompletableFuture.supplyAsync(
            () -> collect(started), task -> Thread.ofVirtual().name("readiness").start(task));
    return round;
  }

  private Readiness collect(Map<DependencyCheck, CompletableFuture<DependencyState>> started) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<DependencyState> states = new ArrayList<>();
    for (DependencyCheck check : checks) {
      states.add(await(check, started.get(check), deadline));
    }
    logChanges(states);
    return new Readiness(states, clock.instant());
  }

  private synchronized CompletableFuture<DependencyState> running(DependencyCheck check) {
    CompletableFuture<DependencyState> current = running.get(check.name());
    if (current == null || current.isDone()) {
      current =
          CompletableFuture.supplyAsync(
              () -> run(check),
              task -> Thread.ofVirtual().name("readiness-" + check.name()).start(task));
      running.put(check.name(), current);
    }
    return current;
  }

  private static DependencyState run(DependencyCheck check) {
    try {
      check.check();
      return DependencyState.up(check.name());
    } catch (RuntimeException e) {
      return DependencyState.down(
          check.name(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }

  private DependencyState await(
      DependencyCheck check, CompletableFuture<DependencyState> future, long deadline) {
    try {
      return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      return DependencyState.down(
          check.name(), "did not answer within " + timeout.toMillis() + " ms");
    } catch (ExecutionException e) {
      return DependencyState.down(check.name(), String.valueOf(e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return DependencyState.down(check.name(), "the check was interrupted");
    }
  }

  private Readiness allDown(String problem) {
    return new Readiness(
        checks.stream().map(check -> DependencyState.down(check.name(), problem)).toList(),
        clock.instant());
  }

  private synchronized void logChanges(List<DependencyState> states) {
    for (DependencyState state : states) {
      Boolean before = lastUp.put(state.name(), state.up());
      if (state.up() && Boolean.FALSE.equals(before)) {
        LOG.log(Level.INFO, "{0} is reachable again", state.name());
      } else if (!state.up() && !Boolean.FALSE.equals(before)) {
        LOG.log(Level.WARNING, "{0} is not ready: {1}", state.name(), state.problem());
      }
    }
  }
}
