package org.modelregistry.ports.in.workspace;

import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.workspace.AdapterPatch;
import org.modelregistry.domain.workspace.EntityName;
import org.modelregistry.domain.workspace.ModelEntity;
import org.modelregistry.domain.workspace.ModelRef;

/** Changes an adapter of a model entity; absent fields keep their value. */
public interface UpdateModelAdapterUseCase {

  /**
   * Applies {@code patch} to the adapter {@code adapter} of the entity {@code model} names.
   *
   * @return the entity with the adapter changed
   * @throws org.modelregistry.domain.error.NotFoundException when there is no such entity or
   *     adapter
   * @throws org.modelregistry.domain.error.ValidationException when the new fileset does not exist
   *     ({@code fileset})
   */
  ModelEntity update(Caller caller, ModelRef model, EntityName adapter, AdapterPatch patch);
}
