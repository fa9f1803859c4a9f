package org.modelregistry.ports.out.memory;

import org.junit.jupiter.api.Nested;
import org.modelregistry.ports.out.contract.ModelRepositoryContract;
import org.modelregistry.ports.out.contract.RegistryStores;
import org.modelregistry.ports.out.contract.TemplateRepositoryContract;

/**
 * The templates and models of {@link InMemoryRepositories} must behave like the real stores, or
 * tests and embeddings that use them prove nothing. Their transactions cannot roll back (see {@link
 * LockingTransactionRunner}), so the transaction suite does not apply to them.
 */
class InMemoryRepositoriesContractTest {

  private static RegistryStores freshStores() {
    var repositories = InMemoryRepositories.create();
    return RegistryStores.of(
        repositories.templates(), repositories.models(), repositories.transactions());
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
