package org.modelregistry.ports.in.workspace;

import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.workspace.ModelEntity;
import org.modelregistry.domain.workspace.ModelRef;

/** Adds an adapter to a model entity. */
public interface AddModelAdapterUseCase {

  /**
   * Adds {@code adapter} to the entity {@code model} names.
   *
   * @return the entity with the adapter added
   * @throws org.modelregistry.domain.error.NotFoundException when there is no such entity
   * @throws org.modelregistry.domain.error.ConflictException when the entity has an adapter of that
   *     name
   * @throws org.modelregistry.domain.error.ValidationException when a required field is missing or
   *     the adapter's fileset does not exist ({@code fileset})
   */
  ModelEntity add(Caller caller, ModelRef model, NewModelAdapter adapter);
}
