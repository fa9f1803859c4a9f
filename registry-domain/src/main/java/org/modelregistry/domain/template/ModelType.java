package org.modelregistry.domain.template;

/** What kind of model a template deploys, which fixes the shape of its requests and responses. */
public enum ModelType {
  COMPLETION,
  CHAT_COMPLETION,
  AGENT,
  EMBEDDING,
  RERANKING,
  GENERIC,
  BUNDLE;

  /** Only conversational models keep state across turns. */
  public boolean supportsMultiTurn() {
    return this == CHAT_COMPLETION || this == AGENT;
  }
}
