package org.modelregistry.ports.in.operations;

/**
 * Tells whether this registry node can serve requests now: whether every dependency it needs
 * (database with its schema migrated, artifact store) answers.
 */
public interface CheckReadinessUseCase {

  /**
   * The state of every dependency, as of a check at most a moment old: frequent callers share one
   * check rather than each starting their own, and a check that does not answer in time counts as
   * down. Never throws.
   */
  Readiness readiness();
}
