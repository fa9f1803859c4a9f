package org.modelregistry.adapter.persistence;

import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;
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

/** The shared contract suites against a real SQLite file, one fresh file per test. */
class SqliteRepositoriesContractTest {

  @Nested
  class Templates extends TemplateRepositoryContract {
    @TempDir Path dir;

    @Override
    protected RegistryStores openStores() {
      return SqliteFiles.stores(SqliteFiles.open(dir));
    }
  }

  @Nested
  class Models extends ModelRepositoryContract {
    @TempDir Path dir;

    @Override
    protected RegistryStores openStores() {
      return SqliteFiles.stores(SqliteFiles.open(dir));
    }
  }

  @Nested
  class Transactions extends TransactionRunnerContract {
    @TempDir Path dir;

    @Override
    protected RegistryStores openStores() {
      return SqliteFiles.stores(SqliteFiles.open(dir));
    }
  }

  @Nested
  class RegisteredModels extends RegisteredModelRepositoryContract {
    @TempDir Path dir;

    @Override
    protected RegisteredModelStore openRepository() {
      return SqliteFiles.registeredModelStore(SqliteFiles.open(dir));
    }
  }

  @Nested
  class ModelEntities extends ModelEntityRepositoryContract {
    @TempDir Path dir;

    @Override
    protected WorkspaceStore<ModelEntityRepository> openRepository() {
      Database database = SqliteFiles.open(dir);
      return new WorkspaceStore<>(database.modelEntities(), database::close);
    }
  }

  @Nested
  class Filesets extends FilesetRepositoryContract {
    @TempDir Path dir;

    @Override
    protected WorkspaceStore<FilesetRepository> openRepository() {
      Database database = SqliteFiles.open(dir);
      return new WorkspaceStore<>(database.filesets(), database::close);
    }
  }

  @Nested
  class Leases extends ImportLeasesContract {
    @TempDir Path dir;

    @Override
    protected LeaseStore openStore() {
      Database database = SqliteFiles.open(dir);
      return new LeaseStore(database.registeredModels(), database.importLeases(), database::close);
    }
  }

  @Nested
  class Identities extends IdentityRepositoryContract {
    @TempDir Path dir;

    @Override
    protected IdentityStores openStores() {
      return identityStores(dir);
    }
  }

  @Nested
  class ApiKeys extends ApiKeyRepositoryContract {
    @TempDir Path dir;

    @Override
    protected IdentityStores openStores() {
      return identityStores(dir);
    }
  }

  @Nested
  class Audit extends AuditLogContract {
    @TempDir Path dir;

    @Override
    protected IdentityStores openStores() {
      return identityStores(dir);
    }
  }

  private static IdentityStores identityStores(Path dir) {
    Database database = SqliteFiles.open(dir);
    return new IdentityStores(
        database.identities(), database.apiKeys(), database.auditLog(), database::close);
  }
}
