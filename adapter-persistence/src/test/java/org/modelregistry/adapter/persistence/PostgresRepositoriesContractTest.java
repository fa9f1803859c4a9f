package org.modelregistry.adapter.persistence;

import org.junit.jupiter.api.Nested;
import org.modelregistry.adapter.persistence.PostgresDatabases.Opened;
import org.modelregistry.ports.out.FilesetRepository;
import org.modelregistry.ports.out.ModelEntityRepository;
import org.modelregistry.ports.out.contract.ApiKeyRepositoryContract;
import org.modelregistry.ports.out.contract.AuditLogContract;
import org.modelregistry.ports.out.contract.FilesetRepositoryContract;
import org.modelregistry.ports.out.contract.IdentityRepositoryContract;
import org.modelregistry.ports.out.contract.IdentityStores;
import org.modelregistry.ports.out.contract.ImportLeasesContract;
import org.modelregistry.ports.out.contract.ModelEntityRepositoryContract;
import org.modelregistry.ports.out.contract.ModelRepositoryContract;
import org.modelregistry.ports.out.contract.RegisteredModelRepositoryContract;
import org.modelregistry.ports.out.contract.RegistryStores;
import org.modelregistry.ports.out.contract.TemplateRepositoryContract;
import org.modelregistry.ports.out.contract.TransactionRunnerContract;
import org.modelregistry.ports.out.contract.WorkspaceStore;

/**
 * The shared contract suites against a real PostgreSQL 18 (started in-process), one fresh database
 * per test.
 */
class PostgresRepositoriesContractTest {

  @Nested
  class Templates extends TemplateRepositoryContract {
    @Override
    protected RegistryStores openStores() {
      Opened opened = PostgresDatabases.open();
      Database database = opened.database();
      return new RegistryStores(
          database.templates(), database.models(), database.transactions(), opened::close);
    }
  }

  @Nested
  class Models extends ModelRepositoryContract {
    @Override
    protected RegistryStores openStores() {
      Opened opened = PostgresDatabases.open();
      Database database = opened.database();
      return new RegistryStores(
          database.templates(), database.models(), database.transactions(), opened::close);
    }
  }

  @Nested
  class Transactions extends TransactionRunnerContract {
    @Override
    protected RegistryStores openStores() {
      Opened opened = PostgresDatabases.open();
      Database database = opened.database();
      return new RegistryStores(
          database.templates(), database.models(), database.transactions(), opened::close);
    }
  }

  @Nested
  class RegisteredModels extends RegisteredModelRepositoryContract {
    @Override
    protected RegisteredModelStore openRepository() {
      Opened opened = PostgresDatabases.open();
      return new RegisteredModelStore(
          opened.database().registeredModels(), opened.database().transactions(), opened::close);
    }
  }

  @Nested
  class ModelEntities extends ModelEntityRepositoryContract {
    @Override
    protected WorkspaceStore<ModelEntityRepository> openRepository() {
      Opened opened = PostgresDatabases.open();
      return new WorkspaceStore<>(opened.database().modelEntities(), opened::close);
    }
  }

  @Nested
  class Filesets extends FilesetRepositoryContract {
    @Override
    protected WorkspaceStore<FilesetRepository> openRepository() {
      Opened opened = PostgresDatabases.open();
      return new WorkspaceStore<>(opened.database().filesets(), opened::close);
    }
  }

  @Nested
  class Leases extends ImportLeasesContract {
    @Override
    protected LeaseStore openStore() {
      Opened opened = PostgresDatabases.open();
      return new LeaseStore(
          opened.database().registeredModels(), opened.database().importLeases(), opened::close);
    }
  }

  @Nested
  class Identities extends IdentityRepositoryContract {
    @Override
    protected IdentityStores openStores() {
      return identityStores();
    }
  }

  @Nested
  class ApiKeys extends ApiKeyRepositoryContract {
    @Override
    protected IdentityStores openStores() {
      return identityStores();
    }
  }

  @Nested
  class Audit extends AuditLogContract {
    @Override
    protected IdentityStores openStores() {
      return identityStores();
    }
  }

  private static IdentityStores identityStores() {
    Opened opened = PostgresDatabases.open();
    Database database = opened.database();
    return new IdentityStores(
        database.identities(), database.apiKeys(), database.auditLog(), opened::close);
  }
}
