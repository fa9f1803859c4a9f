package org.modelregistry.application.archfixture;

import org.modelregistry.ports.out.memory.InMemoryArtifactStore;

/**
 * A deliberately bad service: it reaches for an in-memory adapter instead of its port. Used only by
 * a test.
 */
public class ServiceUsingInMemoryStore {

  private final InMemoryArtifactStore store = new InMemoryArtifactStore();

  public InMemoryArtifactStore store() {
    return store;
  }
}
