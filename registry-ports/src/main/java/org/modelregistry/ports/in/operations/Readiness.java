package org.modelregistry.ports.in.operations;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of a readiness check: each dependency's state, and when it was checked. The node is
 * ready when every dependency is up.
 */
public record Readiness(List<DependencyState> dependencies, Instant checkedAt) {

  public Readiness {
    dependencies = List.copyOf(Objects.requireNonNull(dependencies, "dependencies"));
    Objects.requireNonNull(checkedAt, "checkedAt");
  }

  /** Whether every dependency is up (and so the node may take requests). */
  public boolean ready() {
    return dependencies.stream().allMatch(DependencyState::up);
  }

  /**
   * One dependency's state. The reason it is down is for the operator's log, not for the
   * unauthenticated callers a readiness answer goes to: it may name internal hosts.
   *
   * @param name the dependency, such as {@code database}
   * @param up whether it answered in time without error
   * @param problem why it is down; empty when up
   */
  public record DependencyState(String name, boolean up, String problem) {

    public DependencyState {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(problem, "problem");
      if (up && !problem.isEmpty()) {
        throw new IllegalArgumentException("a dependency that is up has no problem");
      }
    }

    /** A dependency that answered. */
    public static DependencyState up(String name) {
      return new DependencyState(name, true, "");
    }

    /** A dependency that failed or did not answer in time, and why. */
    public static DependencyState down(String name, String problem) {
      return new DependencyState(name, false, problem.isBlank() ? "unavailable" : problem);
    }
  }
}
