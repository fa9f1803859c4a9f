package org.modelregistry.domain.workspace;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.modelregistry.domain.error.Violations;
import org.modelregistry.domain.naming.BoundedText;

/**
 * A named set of files in a workspace (a checkpoint, a dataset, anything else), stored in the
 * registry or at an external source. Immutable; metadata and custom fields are plain JSON values
 * (String, Boolean, numbers, lists, maps), never null (empty maps when none).
 */
public record Fileset(
    WorkspaceName workspace,
    EntityName name,
    String description,
    String project,
    FilesetPurpose purpose,
    Map<String, Object> metadata,
    Map<String, Object> customFields,
    FilesetStorage storage,
    Instant createdAt,
    Instant updatedAt) {

  /** The reference bounds a fileset description tighter than a model's. */
  public static final int DESCRIPTION_MAX = 255;

  public Fileset {
    Objects.requireNonNull(workspace, "workspace");
    var violations = Violations.collect();
    violations.require(name != null, Violations.MISSING, "name is required", "name");
    violations
        .at("description")
        .attempt(() -> BoundedText.requireAtMost(description, DESCRIPTION_MAX, "description"));
    violations
        .at("project")
        .attempt(() -> BoundedText.requireAtMost(project, BoundedText.IDENTIFIER_MAX, "project"));
    violations.throwIfAny();
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    purpose = purpose == null ? FilesetPurpose.GENERIC : purpose;
    storage = storage == null ? new FilesetStorage.Local() : storage;
    metadata = copy(metadata);
    customFields = copy(customFields);
  }

  /** A new fileset created at {@code now}; null purpose means generic, null storage local. */
  public static Fileset create(
      WorkspaceName workspace,
      EntityName name,
      String description,
      String project,
      FilesetPurpose purpose,
      Map<String, Object> metadata,
      Map<String, Object> customFields,
      FilesetStorage storage,
      Instant now) {
    requireOwnSecrets(workspace, storage);
    return new Fileset(
        workspace, name, description, project, purpose, metadata, customFields, storage, now, now);
  }

  /**
   * A fileset may name its own workspace's secrets ({@code workspace/name}) and the secrets the
   * operator shares with every workspace ({@code name}), never another workspace's.
   */
  private static void requireOwnSecrets(WorkspaceName workspace, FilesetStorage storage) {
    if (storage == null) {
      return;
    }
    var violations = Violations.collect();
    storage
        .secrets()
        .forEach(
            (field, ref) ->
                violations.require(
                    ref.workspace().map(workspace.value()::equals).orElse(true),
                    "secret_not_allowed",
                    "a fileset of workspace '"
                        + workspace
                        + "' may not use secrets of workspace '"
                        + ref.workspace().orElse("")
                        + "'",
                    "storage",
                    field));
    violations.throwIfAny();
  }

  /** {@code workspace/name}, as model entities reference this fileset. */
  public FilesetRef ref() {
    return new FilesetRef(workspace, name);
  }

  /** This fileset with {@code patch} applied at {@code now}; null fields keep their value. */
  public Fileset apply(FilesetPatch patch, Instant now) {
    return new Fileset(
        workspace,
        name,
        keep(patch.description(), description),
        keep(patch.project(), project),
        keep(patch.purpose(), purpose),
        keep(patch.metadata(), metadata),
        keep(patch.customFields(), customFields),
        storage,
        createdAt,
        now);
  }

  private static <T> T keep(T patched, T current) {
    return patched != null ? patched : current;
  }

  // Insertion order is kept so that responses echo fields as they were sent.
  private static Map<String, Object> copy(Map<String, Object> map) {
    return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
