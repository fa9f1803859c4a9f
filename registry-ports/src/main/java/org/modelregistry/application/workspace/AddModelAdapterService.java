package org.modelregistry.application.workspace;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.modelregistry.application.Timestamps;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.workspace.ModelAdapter;
import org.modelregistry.domain.workspace.ModelEntity;
import org.modelregistry.domain.workspace.ModelRef;
import org.modelregistry.ports.in.workspace.AddModelAdapterUseCase;
import org.modelregistry.ports.in.workspace.NewModelAdapter;
import org.modelregistry.ports.out.FilesetRepository;
import org.modelregistry.ports.out.ModelEntityRepository;
import org.modelregistry.ports.out.TransactionRunner;

/** Adds adapters to model entities in one read-modify-write transaction. */
public final class AddModelAdapterService implements AddModelAdapterUseCase {

  private final ModelEntityRepository models;
  private final FilesetRepository filesets;
  private final TransactionRunner transactions;
  private final Clock clock;

  public AddModelAdapterService(
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
  public ModelEntity add(Caller caller, ModelRef model, NewModelAdapter adapter) {
    return transactions.inTransaction(
        () -> {
          ModelEntity current = WorkspaceLookups.requireModel(models, caller, model);
          Instant now = Timestamps.now(clock);
          ModelAdapter created =
              ModelAdapter.create(
                  adapter.name(),
                  adapter.description(),
                  adapter.fileset(),
                  adapter.finetuningType(),
                  adapter.enabled(),
                  adapter.loraConfig(),
                  now);
          AdapterFilesets.requireExisting(filesets, caller, created.fileset());
          ModelEntity next = current.addAdapter(created, now);
          if (!models.update(next)) {
            throw WorkspaceLookups.modelNotFound(model);
          }
          return next;
        });
  }
}
