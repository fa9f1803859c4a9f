package org.modelregistry.application.workspace;

import java.time.Clock;
import java.util.Objects;
import org.modelregistry.application.Timestamps;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.workspace.AdapterPatch;
import org.modelregistry.domain.workspace.EntityName;
import org.modelregistry.domain.workspace.ModelEntity;
import org.modelregistry.domain.workspace.ModelRef;
import org.modelregistry.ports.in.workspace.UpdateModelAdapterUseCase;
import org.modelregistry.ports.out.FilesetRepository;
import org.modelregistry.ports.out.ModelEntityRepository;
import org.modelregistry.ports.out.TransactionRunner;

/** Patches adapters of model entities in one read-modify-write transaction. */
public final class UpdateModelAdapterService implements UpdateModelAdapterUseCase {

  private final ModelEntityRepository models;
  private final FilesetRepository filesets;
  private final TransactionRunner transactions;
  private final Clock clock;

  public UpdateModelAdapterService(
      ModelEntityRepository models,
      FilesetRepository filesets,
      TransactionRunner transactions,
      Clock clock) {
    this.models = Objects.requireNonNull(models);
    this.filesets = Objects.requireNonNull(filesets);
    this.transactions = Objects.requireNonNull(transactions);
    this.clock = Objects.requireNonNull(clock);
  }

  @Override
  public ModelEntity update(Caller caller, ModelRef model, EntityName adapter, AdapterPatch patch) {
    return transactions.inTransaction(
        () -> {
          ModelEntity current = WorkspaceLookups.requireModel(models, caller, model);
          ModelEntity next = current.updateAdapter(adapter, patch, Timestamps.now(clock));
          if (patch.fileset() != null
              && !patch.fileset().equals(current.adapter(adapter).fileset())) {
            AdapterFilesets.requireExisting(filesets, caller, patch.fileset());
          }
          if (!models.update(next)) {
            throw WorkspaceLookups.modelNotFound(model);
          }
          return next;
        });
  }
}
