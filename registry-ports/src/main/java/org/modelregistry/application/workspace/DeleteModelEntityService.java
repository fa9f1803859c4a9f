package org.modelregistry.application.workspace;

import java.util.Objects;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.workspace.ModelRef;
import org.modelregistry.ports.in.workspace.DeleteModelEntityUseCase;
import org.modelregistry.ports.out.ModelEntityRepository;
import org.modelregistry.ports.out.TransactionRunner;

/**
 * Deletes model entities with their adapters; the filesets they used stay. An entity another names
 * as its {@code base_model} is kept (409), so no reference dangles: the check and the deletion
 * share a transaction.
 */
public final class DeleteModelEntityService implements DeleteModelEntityUseCase {

  private final ModelEntityRepository models;
  private final TransactionRunner transactions;

  public DeleteModelEntityService(ModelEntityRepository models, TransactionRunner transactions) {
    this.models = Objects.requireNonNull(models);
    this.transactions = Objects.requireNonNull(transactions);
  }

  @Override
  public void delete(Caller caller, ModelRef ref) {
    WorkspaceLookups.requireVisible(caller, ref);
    transactions.inTransaction(
        () -> {
          models
              .anyDerivedFrom(ref)
              .ifPresent(
                  derived -> {
                    // A model in a workspace the caller cannot see stays unnamed.
                    String which =
                        WorkspaceLookups.visible(caller, derived.workspace())
                            ? "'" + derived + "'"
                            : "a model in a workspace you are not a member of";
                    throw new ConflictException(
                        "model '"
                            + ref
                            + "' is the base model of "
                            + which
                            + "; delete or change that model first");
                  });
          if (!models.delete(ref.workspace(), ref.name())) {
            throw WorkspaceLookups.modelNotFound(ref);
          }
          return null;
        });
  }
}
