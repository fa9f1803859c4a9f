package org.modelregistry.domain.template;

/** The calling convention the deployed endpoint expects. */
public enum EndpointProtocol {
  SGP,
  COHERE,
  VLLM
}
