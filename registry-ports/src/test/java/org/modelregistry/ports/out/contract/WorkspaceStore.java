package org.modelregistry.ports.out.contract;

import java.util.Objects;

/**
 * A workspace repository under test (model entities or filesets) and what closes its store; used by
 * {@link ModelEntityRepositoryContract} and {@link FilesetRepositoryContract}.
 */
public record WorkspaceStore<R>(R repository, AutoCloseable resources) implements AutoCloseable {

  public WorkspaceStore {
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(resources, "resources");
  }

  /** A store that holds nothing to release. */
  public static <R> WorkspaceStore<R> of(R repository) {
    return new WorkspaceStore<>(repository, () -> {});
  }

  @Override
  public void close() throws Exception {
    resources.close();
  }
}
