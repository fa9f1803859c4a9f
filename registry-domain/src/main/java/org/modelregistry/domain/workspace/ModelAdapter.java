package org.modelregistry.domain.workspace;

import java.time.Instant;
import org.modelregistry.domain.error.Violations;
import org.modelregistry.domain.naming.BoundedText;

/**
 * An adapter trained against a model entity (a LoRA, a prompt tuning, ...), stored in its own
 * fileset. Name, fileset and finetuning type are required; {@code enabled} defaults to true.
 */
public record ModelAdapter(
    EntityName name,
    String description,
    FilesetRef fileset,
    FinetuningType finetuningType,
    boolean enabled,
    LoraConfig loraConfig,
    Instant createdAt,
    Instant updatedAt) {

  public ModelAdapter {
    var violations = Violations.collect();
    violations.require(name != null, Violations.MISSING, "name is required", "name");
    violations.require(fileset != null, Violations.MISSING, "fileset is required", "fileset");
    violations.require(
        finetuningType != null,
        Violations.MISSING,
        "finetuning_type is required",
        "finetuning_type");
    violations
        .at("description")
        .attempt(
            () ->
                BoundedText.requireAtMost(description, BoundedText.DESCRIPTION_MAX, "description"));
    violations.require(
        createdAt != null, Violations.MISSING, "created_at is required", "created_at");
    violations.require(
        updatedAt != null, Violations.MISSING, "updated_at is required", "updated_at");
    violations.throwIfAny();
  }

  /** A new adapter created at {@code now}; {@code enabled} null means true. */
  public static ModelAdapter create(
      EntityName name,
      String description,
      FilesetRef fileset,
      FinetuningType finetuningType,
      Boolean enabled,
      LoraConfig loraConfig,
      Instant now) {
    return new ModelAdapter(
        name,
        description,
        fileset,
        finetuningType,
        enabled == null || enabled,
        loraConfig,
        now,
        now);
  }

  /** This adapter with {@code patch} applied at {@code now}; null patch fields keep their value. */
  public ModelAdapter apply(AdapterPatch patch, Instant now) {
    return new ModelAdapter(
        name,
        patch.description() != null ? patch.description() : description,
        patch.fileset() != null ? patch.fileset() : fileset,
        finetuningType,
        patch.enabled() != null ? patch.enabled() : enabled,
        loraConfig,
        createdAt,
        now);
  }
}
