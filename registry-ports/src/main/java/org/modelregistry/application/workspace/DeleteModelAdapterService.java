package org.modelregistry.application.workspace;

import java.time.Clock;
import java.util.Objects;
import org.modelregistry.application.Timestamps;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.workspace.EntityName;
import org.modelregistry.domain.workspace.ModelEntity;
import org.modelregistry.domain.workspace.ModelRef;
import org.modelregistry.ports.in.workspace.DeleteModelAdapterUseCase;
import org.modelregistry.ports.out.ModelEntityRepository;
import org.modelregistry.ports.out.TransactionRunner;

/** Removes adapters from model entities in one read-modify-write transaction. */
public final class DeleteModelAdapterService implements DeleteModelAdapterUseCase {

  private final ModelEntityRepository models;
  private final TransactionRunner transactions;
  private final Clock clock;

  public DeleteModelAdapterService(
      ModelEntityRepository models, TransactionRunner transactions, Clock clock) {
    this.models = Objects.requireNonNull(models);
    this.transactions = Objects.requireNonNull(transactions);
    this.clock = Objects.requireNonNull(clock);
  }

  @Override
  public ModelEntity delete(Caller caller, ModelRef model, EntityName adapter) {
    return transactions.inTransaction(
        () -> {
          ModelEntity current = WorkspaceLookups.requireModel(models, caller, model);
          ModelEntity next = current.removeAdapter(adapter, Timestamps.now(clock));
          if (!models.update(next)) {
            throw WorkspaceLookups.modelNotFound(model);
          }
          return next;
        });
  }
}
