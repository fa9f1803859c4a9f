package org.modelregistry.ports.out.memory;

import org.junit.jupiter.api.Nested;
import org.modelregistry.ports.out.TransactionRunner;
import org.modelregistry.ports.out.contract.ModelRepositoryContract;
import org.modelregistry.ports.out.contract.RegistryStores;
import org.modelregistry.ports.out.contract.TemplateRepositoryContract;

/**
 * The in-memory fake must behave like the real stores, or tests that use it prove nothing. Its
 * transaction runner is {@link TransactionRunner#direct()}, which is not atomic, so the transaction
 * suite does not apply to it.
 */
class InMemoryRepositoriesContractTest {

  private static RegistryStores freshStores() {
    var store = new InMemoryRegistryStore();
    return RegistryStores.of(store.templates(), store.models(), TransactionRunner.direct());
  }

  @Nested
  class Templates extends TemplateRepositoryContract {
    @Override
    protected RegistryStores openStores() {
      return freshStores();
    }
  }

  @Nested
  class Models extends ModelRepositoryContract {
    @Override
    protected RegistryStores openStores() {
      return freshStores();
    }
  }
}
