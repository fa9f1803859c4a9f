package org.modelregistry.domain.model;

/** Who provides a model. */
public enum ModelVendor {
  OPENAI,
  COHERE,
  GOOGLE,
  VERTEX_AI,
  ANTHROPIC,
  LAUNCH,
  LLMENGINE,
  BEDROCK,
  OTHER
}
