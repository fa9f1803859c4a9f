package org.modelregistry.application.workspace;

import java.time.Clock;
import java.util.Objects;
import org.modelregistry.application.Timestamps;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.workspace.ModelEntity;
import org.modelregistry.domain.workspace.ModelEntityDefinition;
import org.modelregistry.domain.workspace.ModelRef;
import org.modelregistry.domain.workspace.TrustRemoteCodePolicy;
import org.modelregistry.domain.workspace.WorkspaceName;
import org.modelregistry.ports.in.spec.DeriveModelSpecUseCase;
import org.modelregistry.ports.in.workspace.CreateModelEntityUseCase;
import org.modelregistry.ports.out.FilesetRepository;
import org.modelregistry.ports.out.ModelEntityRepository;
import org.modelregistry.ports.out.TransactionRunner;

/**
 * Creates model entities. The spec is derived first, outside the transaction (it reads files); the
 * rules are then checked and the entity inserted in one transaction, so a fileset or base model
 * deleted meanwhile is noticed.
 */
public final class CreateModelEntityService implements CreateModelEntityUseCase {

  private final ModelEntityRepository models;
  private final ModelEntityRules rules;
  private final CheckpointSpecs specs;
  private final TransactionRunner transactions;
  private final Clock clock;

  public CreateModelEntityService(
      ModelEntityRepository models,
      FilesetRepository filesets,
      FilesetContents contents,
      DeriveModelSpecUseCase deriveSpec,
      TrustRemoteCodePolicy trustPolicy,
      TransactionRunner transactions,
      Clock clock) {
    this.models = Objects.requireNonNull(models);
    this.rules = new ModelEntityRules(models, filesets, trustPolicy);
    this.specs = new CheckpointSpecs(filesets, contents, deriveSpec);
    this.transactions = Objects.requireNonNull(transactions);
    this.clock = Objects.requireNonNull(clock);
  }

  @Override
  public ModelEntity create(
      Caller caller, WorkspaceName workspace, ModelEntityDefinition definition) {
    caller.requireWorkspace(workspace.value());
    ModelRef self = new ModelRef(workspace, definition.name());
    requireNew(self);
    ModelEntityDefinition complete =
        definition.spec() == null && definition.fileset() != null
            ? specs
                .derive(definition.name().value(), caller, definition.fileset())
                .map(definition::withSpec)
                .orElse(definition)
            : definition;
    return transactions.inTransaction(
        () -> {
          requireNew(self);
          rules.require(self, complete, ModelEntityRules.Checks.ALL, caller);
          ModelEntity entity = ModelEntity.create(workspace, complete, Timestamps.now(clock));
          models.insert(entity);
          return entity;
        });
  }

  private void requireNew(ModelRef self) {
    if (models.find(self.workspace(), self.name()).isPresent()) {
      throw new ConflictException(
          "workspace '" + self.workspace() + "' already has a model named '" + self.name() + "'");
    }
  }
}
