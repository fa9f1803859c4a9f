package org.modelregistry.application.workspace;

import java.time.Clock;
import java.util.Objects;
import org.modelregistry.application.Timestamps;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.workspace.ModelEntity;
import org.modelregistry.domain.workspace.ModelEntityDefinition;
import org.modelregistry.domain.workspace.ModelEntityPatch;
import org.modelregistry.domain.workspace.ModelRef;
import org.modelregistry.domain.workspace.TrustRemoteCodePolicy;
import org.modelregistry.ports.in.spec.DeriveModelSpecUseCase;
import org.modelregistry.ports.in.workspace.PatchModelEntityUseCase;
import org.modelregistry.ports.out.FilesetRepository;
import org.modelregistry.ports.out.ModelEntityRepository;
import org.modelregistry.ports.out.TransactionRunner;

/**
 * Patches model entities in one read-modify-write transaction. Only the rules the change touches
 * are checked again: a new fileset, a new base model, and the trust policy when the fileset or the
 * flag changes. A new fileset without a spec in the patch has its spec derived (before the
 * transaction, since that reads files); an external new fileset keeps the current spec.
 */
public final class PatchModelEntityService implements PatchModelEntityUseCase {

  private final ModelEntityRepository models;
  private final ModelEntityRules rules;
  private final CheckpointSpecs specs;
  private final TransactionRunner transactions;
  private final Clock clock;

  public PatchModelEntityService(
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
  public ModelEntity patch(Caller caller, ModelRef ref, ModelEntityPatch patch) {
    ModelEntityPatch complete = withDerivedSpec(caller, ref, patch);
    return transactions.inTransaction(
        () -> {
          ModelEntity current = WorkspaceLookups.requireModel(models, caller, ref);
          ModelEntityDefinition before = current.definition();
          ModelEntity next = current.apply(complete, Timestamps.now(clock));
          var checks =
              new ModelEntityRules.Checks(
                  complete.fileset() != null && !complete.fileset().equals(before.fileset()),
                  complete.baseModel() != null && !complete.baseModel().equals(before.baseModel()),
                  complete.requiresTrustCheck(before));
          rules.require(ref, next.definition(), checks, caller);
          if (!models.update(next)) {
            throw WorkspaceLookups.modelNotFound(ref);
          }
          return next;
        });
  }

  private ModelEntityPatch withDerivedSpec(Caller caller, ModelRef ref, ModelEntityPatch patch) {
    if (patch.fileset() == null || patch.spec() != null) {
      return patch;
    }
    ModelEntity current = WorkspaceLookups.requireModel(models, caller, ref);
    if (patch.fileset().equals(current.definition().fileset())) {
      return patch;
    }
    return specs
        .derive(ref.name().value(), caller, patch.fileset())
        .map(patch::withSpec)
        .orElse(patch);
  }
}
