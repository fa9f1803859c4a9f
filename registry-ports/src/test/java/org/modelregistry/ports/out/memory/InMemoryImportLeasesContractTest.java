package org.modelregistry.ports.out.memory;

import org.modelregistry.ports.out.contract.ImportLeasesContract;

class InMemoryImportLeasesContractTest extends ImportLeasesContract {

  @Override
  protected LeaseStore openStore() {
    var repositories = InMemoryRepositories.create();
    return new LeaseStore(repositories.registeredModels(), repositories.importLeases(), () -> {});
  }
}
