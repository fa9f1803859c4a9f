package org.modelregistry.adapter.persistence;

import java.nio.file.Path;
import org.modelregistry.ports.out.contract.RegisteredModelRepositoryContract.RegisteredModelStore;
import org.modelregistry.ports.out.contract.RegistryStores;

/** Opens registry databases in SQLite files under a test's temporary directory. */
final class SqliteFiles {

  private SqliteFiles() {}

  static String url(Path file) {
    return "jdbc:sqlite:" + file;
  }

  static Database open(Path dir) {
    return Database.open(url(dir.resolve("registry.db")));
  }

  static RegistryStores stores(Database database) {
    return new RegistryStores(
        database.templates(), database.models(), database.transactions(), database::close);
  }

  static RegisteredModelStore registeredModelStore(Database database) {
    return new RegisteredModelStore(
        database.registeredModels(), database.transactions(), database::close);
  }
}
