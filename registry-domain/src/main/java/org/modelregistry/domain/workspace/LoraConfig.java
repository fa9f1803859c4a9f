package org.modelregistry.domain.workspace;

import org.modelregistry.domain.error.Violations;

/** The LoRA settings of an adapter: its rank (required) and optional alpha scaling. */
public record LoraConfig(Integer rank, Integer alpha) {

  public LoraConfig {
    var violations = Violations.collect();
    if (rank == null) {
      violations.add(Violations.MISSING, "rank is required", "rank");
    } else {
      violations.require(rank >= 1, "greater_than_equal", "rank must be at least 1", "rank");
    }
    violations.require(
        alpha == null || alpha >= 1, "greater_than_equal", "alpha must be at least 1", "alpha");
    violations.throwIfAny();
  }
}
