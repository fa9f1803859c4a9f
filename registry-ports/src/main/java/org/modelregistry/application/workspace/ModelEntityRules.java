package org.modelregistry.application.workspace;

import java.util.Objects;
import java.util.Optional;
import org.modelregistry.domain.error.Violations;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.workspace.Fileset;
import org.modelregistry.domain.workspace.ModelEntityDefinition;
import org.modelregistry.domain.workspace.ModelRef;
import org.modelregistry.domain.workspace.TrustRemoteCodePolicy;
import org.modelregistry.ports.out.FilesetRepository;
import org.modelregistry.ports.out.ModelEntityRepository;

/**
 * The rules of a model entity that need the stores: its fileset and base model exist, it is not its
 * own base model, and trust_remote_code is allowed for its fileset's source and the caller. Every
 * broken rule is reported at once.
 */
final class ModelEntityRules {

  /** Which rules to check: all on create, those the change touches on a patch. */
  record Checks(boolean fileset, boolean baseModel, boolean trust) {
    static final Checks ALL = new Checks(true, true, true);
  }

  private final ModelEntityRepository models;
  private final FilesetRepository filesets;
  private final TrustRemoteCodePolicy trustPolicy;

  ModelEntityRules(
      ModelEntityRepository models, FilesetRepository filesets, TrustRemoteCodePolicy trustPolicy) {
    this.models = Objects.requireNonNull(models);
    this.filesets = Objects.requireNonNull(filesets);
    this.trustPolicy = Objects.requireNonNull(trustPolicy);
  }

  /**
   * Checks {@code definition} of the entity {@code self}.
   *
   * @throws org.modelregistry.domain.error.ValidationException naming every broken rule
   */
  void require(ModelRef self, ModelEntityDefinition definition, Checks checks, Caller caller) {
    var violations = Violations.collect();
    // Only the fileset and trust checks read the fileset; a patch needing neither asks for nothing.
    Optional<Fileset> fileset =
        checks.fileset() || checks.trust()
            ? Optional.ofNullable(definition.fileset())
                .flatMap(ref -> WorkspaceLookups.findFileset(filesets, caller, ref))
            : Optional.empty();
    if (checks.fileset() && definition.fileset() != null) {
      violations.require(
          fileset.isPresent(),
          "fileset_not_found",
          "fileset '" + definition.fileset() + "' does not exist",
          "fileset");
    }
    ModelRef base = definition.baseModel();
    if (checks.baseModel() && base != null) {
      if (base.equals(self)) {
        violations.add("base_model_invalid", "a model cannot be its own base model", "base_model");
      } else {
        violations.require(
            WorkspaceLookups.findModel(models, caller, base).isPresent(),
            "base_model_not_found",
            "base model '" + base + "' does not exist",
            "base_model");
      }
    }
    if (checks.trust()) {
      String source = fileset.map(f -> f.storage().sourceUri()).orElse(null);
      trustPolicy.check(definition.trustRemoteCode(), source, caller.admin(), violations);
    }
    violations.throwIfAny();
  }
}
