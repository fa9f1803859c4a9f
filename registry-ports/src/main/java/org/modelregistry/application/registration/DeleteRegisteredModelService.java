package org.modelregistry.application.registration;

import java.util.Objects;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.registration.RegisteredModel;
import org.modelregistry.ports.in.registration.DeleteRegisteredModelUseCase;
import org.modelregistry.ports.in.registration.ModelVersionRef;
import org.modelregistry.ports.out.ArtifactStore;
import org.modelregistry.ports.out.RegisteredModelRepository;
import org.modelregistry.ports.out.TransactionRunner;

/**
 * Deletes a version: the row first (so no reader finds it any more and a running import stops
 * recording), then its running import, then its stored bytes. A copy that publishes a file after
 * this sweep finds the version gone and deletes the file itself.
 */
public final class DeleteRegisteredModelService implements DeleteRegisteredModelUseCase {

  private final RegisteredModelRepository models;
  private final TransactionRunner transactions;
  private final ArtifactStore store;
  private final ModelImporter importer;

  public DeleteRegisteredModelService(
      RegisteredModelRepository models,
      TransactionRunner transactions,
      ArtifactStore store,
      ModelImporter importer) {
    this.models = Objects.requireNonNull(models);
    this.transactions = Objects.requireNonNull(transactions);
    this.store = Objects.requireNonNull(store);
    this.importer = Objects.requireNonNull(importer);
  }

  @Override
  public void delete(Caller caller, ModelVersionRef ref) {
    RegisteredModel deleted =
        transactions.inTransaction(
            () -> {
              RegisteredModel model = ModelVersions.resolveOwned(models, caller, ref);
              if (!models.delete(model.id())) {
                throw ModelVersions.notFound(ref);
              }
              return model;
            });
    importer.cancel(deleted.id());
    store.deleteAll(ModelVersions.storageFolder(deleted));
  }
}
