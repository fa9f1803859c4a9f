package org.modelregistry.ports.out;

import java.util.Objects;

/**
 * A dependency the registry cannot serve requests without (its database, its artifact store),
 * checked when someone asks whether the registry is ready.
 */
public interface DependencyCheck {

  /** The dependency's name in readiness reports, such as {@code database}; never blank. */
  String name();

  /**
   * Returns when the dependency is reachable and usable, and throws (any {@link RuntimeException},
   * its message saying why) when it is not. Called often, by load balancers and orchestrators: it
   * must be cheap (one round trip) and must not change anything. The caller bounds its time.
   */
  void check();

  /**
   * A check named {@code name} that runs {@code check}, which throws when the dependency is down.
   */
  static DependencyCheck of(String name, Runnable check) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(check, "check");
    return new DependencyCheck() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void check() {
        check.run();
      }
    };
  }
}
