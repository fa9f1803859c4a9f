package org.modelregistry.ports.in.workspace;

import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.workspace.EntityName;
import org.modelregistry.domain.workspace.ModelEntity;
import org.modelregistry.domain.workspace.ModelRef;

/** Removes an adapter from a model entity (not the fileset it uses). */
public interface DeleteModelAdapterUseCase {

  /**
   * Removes the adapter {@code adapter} from the entity {@code model} names.
   *
   * @return the entity without the adapter
   * @throws org.modelregistry.domain.error.NotFoundException when there is no such entity or
   *     adapter
   */
  ModelEntity delete(Caller caller, ModelRef model, EntityName adapter);
}
