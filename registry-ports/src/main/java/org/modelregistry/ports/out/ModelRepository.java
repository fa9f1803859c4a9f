package org.modelregistry.ports.out;

import java.util.Optional;
import org.modelregistry.domain.model.Model;
import org.modelregistry.ports.in.ModelQuery;
import org.modelregistry.ports.paging.Page;

/** Stores models. Implementations are safe for concurrent use. */
public interface ModelRepository {

  /**
   * Stores a new model.
   *
   * @throws org.modelregistry.domain.error.ConflictException when its account already has a model
   *     of the same name
   */
  void insert(Model model);

  /**
   * Replaces the stored state of an existing model (same id).
   *
   * @return false when there was no such model
   * @throws org.modelregistry.domain.error.ConflictException when the new name is taken
   */
  boolean update(Model model);

  /** The model with this id, or empty; never null. */
  Optional<Model> findById(String id);

  /** One page of the matching models in the query's order. */
  Page<Model> list(ModelQuery query);

  /** Deletes the model; returns false when there was no such model. */
  boolean delete(String id);
}
