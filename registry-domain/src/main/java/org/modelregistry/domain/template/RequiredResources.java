package org.modelregistry.domain.template;

import org.modelregistry.domain.error.Violations;

/** Resources a fine-tuning job asks for; absent fields take the documented defaults. */
public record RequiredResources(
    Integer cpus, String memory, String storage, Integer gpus, GpuType gpuType) {

  public RequiredResources {
    cpus = cpus == null ? 3 : cpus;
    memory = memory == null ? "8Gi" : memory;
    storage = storage == null ? "16Gi" : storage;
    gpus = gpus == null ? 0 : gpus;
    var violations = Violations.collect();
    violations.require(cpus >= 0, "greater_than_equal", "cpus must not be negative", "cpus");
    violations.require(gpus >= 0, "greater_than_equal", "gpus must not be negative", "gpus");
    violations.throwIfAny();
  }
}
