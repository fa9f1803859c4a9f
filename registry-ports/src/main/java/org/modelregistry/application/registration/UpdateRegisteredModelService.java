package org.modelregistry.application.registration;

import java.time.Clock;
import java.util.Objects;
import org.modelregistry.application.Timestamps;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.registration.RegisteredModel;
import org.modelregistry.domain.registration.RegistrationUpdate;
import org.modelregistry.ports.in.registration.ModelVersionRef;
import org.modelregistry.ports.in.registration.UpdateRegisteredModelUseCase;
import org.modelregistry.ports.out.RegisteredModelRepository;
import org.modelregistry.ports.out.TransactionRunner;

/**
 * Updates a version's description, metainfo and visibility in one transaction, so an import
 * recording progress at the same time loses nothing and neither does the update.
 */
public final class UpdateRegisteredModelService implements UpdateRegisteredModelUseCase {

  private final RegisteredModelRepository models;
  private final TransactionRunner transactions;
  private final Clock clock;

  public UpdateRegisteredModelService(
      RegisteredModelRepository models, TransactionRunner transactions, Clock clock) {
    this.models = Objects.requireNonNull(models);
    this.transactions = Objects.requireNonNull(transactions);
    this.clock = Objects.requireNonNull(clock);
  }

  @Override
  public RegisteredModel update(Caller caller, ModelVersionRef ref, RegistrationUpdate update) {
    return transactions.inTransaction(
        () -> {
          RegisteredModel current = ModelVersions.resolveOwned(models, caller, ref);
          RegisteredModel next = current.update(update, Timestamps.now(clock));
          if (!models.update(next)) {
            throw ModelVersions.notFound(ref);
          }
          return next;
        });
  }
}
