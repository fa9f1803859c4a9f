package org.modelregistry.ports.out.memory;

import org.junit.jupiter.api.Nested;
import org.modelregistry.ports.out.FilesetRepository;
import org.modelregistry.ports.out.ModelEntityRepository;
import org.modelregistry.ports.out.contract.FilesetRepositoryContract;
import org.modelregistry.ports.out.contract.ModelEntityRepositoryContract;
import org.modelregistry.ports.out.contract.WorkspaceStore;

/** The in-memory fakes of the workspace repositories must behave like the real stores. */
class InMemoryWorkspaceRepositoriesContractTest {

  @Nested
  class ModelEntities extends ModelEntityRepositoryContract {
    @Override
    protected WorkspaceStore<ModelEntityRepository> openRepository() {
      return WorkspaceStore.of(new InMemoryModelEntityRepository());
    }
  }

  @Nested
  class Filesets extends FilesetRepositoryContract {
    @Override
    protected WorkspaceStore<FilesetRepository> openRepository() {
      return WorkspaceStore.of(new InMemoryFilesetRepository());
    }
  }
}
