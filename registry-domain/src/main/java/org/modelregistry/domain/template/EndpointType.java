package org.modelregistry.domain.template;

/** How a model endpoint is called. */
public enum EndpointType {
  SYNC,
  ASYNC,
  STREAMING,
  BATCH
}
