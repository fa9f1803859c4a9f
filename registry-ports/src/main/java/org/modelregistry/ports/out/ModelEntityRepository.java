package org.modelregistry.ports.out;

import java.util.Optional;
import org.modelregistry.domain.workspace.EntityName;
import org.modelregistry.domain.workspace.FilesetRef;
import org.modelregistry.domain.workspace.ModelEntity;
import org.modelregistry.domain.workspace.ModelRef;
import org.modelregistry.domain.workspace.WorkspaceName;
import org.modelregistry.ports.in.workspace.ModelEntityQuery;
import org.modelregistry.ports.paging.Page;

/**
 * Stores workspace model entities with their adapters, unique by (workspace, name). The name never
 * changes after creation. Implementations are safe for concurrent use; read-modify-write sequences
 * run inside a {@link TransactionRunner} transaction.
 */
public interface ModelEntityRepository {

  /**
   * Stores a new entity.
   *
   * @throws org.modelregistry.domain.error.ConflictException when its workspace already has one of
   *     that name (of two racing inserts exactly one succeeds)
   */
  void insert(ModelEntity entity);

  /**
   * Replaces the stored state of an existing entity (same workspace and name), adapters included.
   *
   * @return false when there is none
   */
  boolean update(ModelEntity entity);

  Optional<ModelEntity> find(WorkspaceName workspace, EntityName name);

  /** One page of the matching entities in the query's order (ties by name); no cursor. */
  Page<ModelEntity> list(ModelEntityQuery query);

  /** Whether some entity (or one of its adapters) uses {@code fileset}. */
  boolean usesFileset(FilesetRef fileset);

  /** Some entity whose {@code base_model} is {@code base}, if there is one. */
  Optional<ModelRef> anyDerivedFrom(ModelRef base);

  /** Deletes the entity and its adapters; false when there was none. */
  boolean delete(WorkspaceName workspace, EntityName name);
}
