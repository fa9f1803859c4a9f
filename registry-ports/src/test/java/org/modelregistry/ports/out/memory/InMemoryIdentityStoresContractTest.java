package org.modelregistry.ports.out.memory;

import org.junit.jupiter.api.Nested;
import org.modelregistry.ports.out.contract.ApiKeyRepositoryContract;
import org.modelregistry.ports.out.contract.AuditLogContract;
import org.modelregistry.ports.out.contract.IdentityRepositoryContract;
import org.modelregistry.ports.out.contract.IdentityStores;

/** The in-memory fakes of the identity ports must behave like the real stores. */
class InMemoryIdentityStoresContractTest {

  private static IdentityStores freshStores() {
    return IdentityStores.of(
        new InMemoryIdentityRepository(), new InMemoryApiKeyRepository(), new InMemoryAuditLog());
  }

  @Nested
  class Identities extends IdentityRepositoryContract {
    @Override
    protected IdentityStores openStores() {
      return freshStores();
    }
  }

  @Nested
  class ApiKeys extends ApiKeyRepositoryContract {
    @Override
    protected IdentityStores openStores() {
      return freshStores();
    }
  }

  @Nested
  class Audit extends AuditLogContract {
    @Override
    protected IdentityStores openStores() {
      return freshStores();
    }
  }
}
