package org.modelregistry.ports.out;

import java.util.Objects;

/**
 * Every store the registry keeps its records in, with the transactions that span them: one
 * database's worth of driven ports, passed to the application layer in one piece. A persistence
 * adapter returns one for its database; {@code
 * org.modelregistry.ports.out.memory.InMemoryRepositories} returns one held in memory.
 *
 * @param templates model templates
 * @param models models created (optionally) from templates
 * @param registeredModels registered model versions with their files' import state
 * @param importLeases which node imports which version, over {@code registeredModels}
 * @param modelEntities workspace model entities with their adapters
 * @param filesets workspace filesets (their description and storage, not their files)
 * @param identities identities (users and service accounts)
 * @param apiKeys API key records (hashes, never keys)
 * @param auditLog the audit trail of mutations
 * @param transactions runs work atomically across all of the above
 */
public record RegistryRepositories(
    TemplateRepository templates,
    ModelRepository models,
    RegisteredModelRepository registeredModels,
    ImportLeases importLeases,
    ModelEntityRepository modelEntities,
    FilesetRepository filesets,
    IdentityRepository identities,
    ApiKeyRepository apiKeys,
    AuditLog auditLog,
    TransactionRunner transactions) {

  public RegistryRepositories {
    Objects.requireNonNull(templates, "templates");
    Objects.requireNonNull(models, "models");
    Objects.requireNonNull(registeredModels, "registeredModels");
    Objects.requireNonNull(importLeases, "importLeases");
    Objects.requireNonNull(modelEntities, "modelEntities");
    Objects.requireNonNull(filesets, "filesets");
    Objects.requireNonNull(identities, "identities");
    Objects.requireNonNull(apiKeys, "apiKeys");
    Objects.requireNonNull(auditLog, "auditLog");
    Objects.requireNonNull(transactions, "transactions");
  }
}
