package org.modelregistry.ports.out.memory;

import org.modelregistry.ports.out.RegistryRepositories;

/**
 * A complete set of repositories held in memory, for tests and for embedding the registry without a
 * database. Each call gives a new, empty, independent set; everything in it is lost when it is
 * dropped. Safe for concurrent use. Unlike a database its transactions cannot roll back (see {@link
 * LockingTransactionRunner}).
 *
 * <pre>{@code
 * Registry registry =
 *     Registry.builder()
 *         .repositories(InMemoryRepositories.create())
 *         .artifactStore(new InMemoryArtifactStore())
 *         .sourceFetcher(new ScriptedSourceFetcher())
 *         .build();
 * }</pre>
 */
public final class InMemoryRepositories {

  private InMemoryRepositories() {}

  /** A new, empty set of in-memory repositories sharing one transaction runner. */
  public static RegistryRepositories create() {
    var registry = new InMemoryRegistryStore();
    var registered = new InMemoryRegisteredModelRepository();
    return new RegistryRepositories(
        registry.templates(),
        registry.models(),
        registered,
        new InMemoryImportLeases(registered),
        new InMemoryModelEntityRepository(),
        new InMemoryFilesetRepository(),
        new InMemoryIdentityRepository(),
        new InMemoryApiKeyRepository(),
        new InMemoryAuditLog(),
        new LockingTransactionRunner());
  }
}
