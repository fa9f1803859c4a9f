package org.modelregistry.ports.out.memory;

import org.modelregistry.ports.out.contract.ImportLeasesContract;

class InMemoryImportLeasesContractTest extends ImportLeasesContract {

  @Override
  protected LeaseStore openStore() {
    var models = new InMemoryRegisteredModelRepository();
    return new LeaseStore(models, new InMemoryImportLeases(models), () -> {});
  }
}
