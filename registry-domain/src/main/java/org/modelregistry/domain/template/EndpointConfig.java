package org.modelregistry.domain.template;

import org.modelregistry.domain.error.Violations;

/**
 * Resources and scaling of a model endpoint; absent fields take the documented defaults (3 CPUs,
 * 8Gi memory, 16Gi storage, no GPU, 0 to 1 workers, 10 requests per worker, ASYNC, normal
 * priority).
 */
public record EndpointConfig(
    Integer cpus,
    String memory,
    String storage,
    Integer gpus,
    GpuType gpuType,
    Integer minWorkers,
    Integer maxWorkers,
    Integer perWorker,
    EndpointType endpointType,
    Boolean highPriority) {

  public EndpointConfig {
    cpus = cpus == null ? 3 : cpus;
    memory = memory == null ? "8Gi" : memory;
    storage = storage == null ? "16Gi" : storage;
    gpus = gpus == null ? 0 : gpus;
    minWorkers = minWorkers == null ? 0 : minWorkers;
    maxWorkers = maxWorkers == null ? 1 : maxWorkers;
    perWorker = perWorker == null ? 10 : perWorker;
    endpointType = endpointType == null ? EndpointType.ASYNC : endpointType;
    highPriority = highPriority == null ? Boolean.FALSE : highPriority;
    var violations = Violations.collect();
    violations.require(cpus >= 0, "greater_than_equal", "cpus must not be negative", "cpus");
    violations.require(gpus >= 0, "greater_than_equal", "gpus must not be negative", "gpus");
    violations.require(
        minWorkers >= 0, "greater_than_equal", "min_workers must not be negative", "min_workers");
    violations.require(
        maxWorkers >= minWorkers,
        "value_error",
        "max_workers must be at least min_workers",
        "max_workers");
    violations.require(
        perWorker >= 1, "greater_than_equal", "per_worker must be at least 1", "per_worker");
    violations.throwIfAny();
  }

  public static EndpointConfig defaults() {
    return new EndpointConfig(null, null, null, null, null, null, null, null, null, null);
  }
}
