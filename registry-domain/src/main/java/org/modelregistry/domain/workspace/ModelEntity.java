package org.modelregistry.domain.workspace;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.error.NotFoundException;
import org.modelregistry.domain.error.Violations;

/**
 * A model entity registered in a workspace, with the adapters trained against it. Immutable: every
 * change returns a new entity with {@code updatedAt} moved to the given time.
 */
public record ModelEntity(
    WorkspaceName workspace,
    ModelEntityDefinition definition,
    List<ModelAdapter> adapters,
    Instant createdAt,
    Instant updatedAt) {

  public ModelEntity {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    adapters = adapters == null ? List.of() : List.copyOf(adapters);
    // Adapter names are unique per model: they address the adapter in its URL.
    var violations = Violations.collect();
    var seen = new HashSet<EntityName>();
    for (int i = 0; i < adapters.size(); i++) {
      violations.require(
          seen.add(adapters.get(i).name()),
          "duplicate",
          "adapter name '" + adapters.get(i).name() + "' is used more than once",
          "adapters",
          i,
          "name");
    }
    violations.throwIfAny();
  }

  /** A new entity without adapters, created at {@code now}. */
  public static ModelEntity create(
      WorkspaceName workspace, ModelEntityDefinition definition, Instant now) {
    return new ModelEntity(workspace, definition, List.of(), now, now);
  }

  /** An entity as it was stored. */
  public static ModelEntity reconstitute(
      WorkspaceName workspace,
      ModelEntityDefinition definition,
      List<ModelAdapter> adapters,
      Instant createdAt,
      Instant updatedAt) {
    return new ModelEntity(workspace, definition, adapters, createdAt, updatedAt);
  }

  public EntityName name() {
    return definition.name();
  }

  /** {@code workspace/name}, as other entities reference this one. */
  public ModelRef ref() {
    return new ModelRef(workspace, definition.name());
  }

  /** This entity with {@code patch} applied at {@code now}; absent fields keep their value. */
  public ModelEntity apply(ModelEntityPatch patch, Instant now) {
    return new ModelEntity(workspace, patch.applyTo(definition), adapters, createdAt, now);
  }

  /**
   * This entity with {@code adapter} added.
   *
   * @throws ConflictException when an adapter of that name exists
   */
  public ModelEntity addAdapter(ModelAdapter adapter, Instant now) {
    if (findAdapter(adapter.name()) >= 0) {
      throw new ConflictException(
          "model '" + ref() + "' already has an adapter named '" + adapter.name() + "'");
    }
    var next = new ArrayList<>(adapters);
    next.add(adapter);
    return new ModelEntity(workspace, definition, next, createdAt, now);
  }

  /**
   * The adapter named {@code name}.
   *
   * @throws NotFoundException when there is none
   */
  public ModelAdapter adapter(EntityName name) {
    return adapters.get(requireAdapter(name));
  }

  /**
   * This entity with the adapter {@code name} patched.
   *
   * @throws NotFoundException when there is no such adapter
   */
  public ModelEntity updateAdapter(EntityName name, AdapterPatch patch, Instant now) {
    int index = requireAdapter(name);
    var next = new ArrayList<>(adapters);
    next.set(index, adapters.get(index).apply(patch, now));
    return new ModelEntity(workspace, definition, next, createdAt, now);
  }

  /**
   * This entity without the adapter {@code name}.
   *
   * @throws NotFoundException when there is no such adapter
   */
  public ModelEntity removeAdapter(EntityName name, Instant now) {
    int index = requireAdapter(name);
    var next = new ArrayList<>(adapters);
    next.remove(index);
    return new ModelEntity(workspace, definition, next, createdAt, now);
  }

  private int requireAdapter(EntityName name) {
    int index = findAdapter(name);
    if (index < 0) {
      throw NotFoundException.of("adapter", ref() + "/" + name);
    }
    return index;
  }

  private int findAdapter(EntityName name) {
    for (int i = 0; i < adapters.size(); i++) {
      if (adapters.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
