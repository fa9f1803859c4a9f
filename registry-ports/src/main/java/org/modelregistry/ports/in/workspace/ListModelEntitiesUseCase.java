package org.modelregistry.ports.in.workspace;

import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.workspace.ModelEntity;
import org.modelregistry.ports.paging.Page;

/** Lists the model entities of a workspace. */
public interface ListModelEntitiesUseCase {

  /**
   * One page of the entities {@code query} matches, in its order; never fails for no match (a
   * workspace the caller is not a member of has none).
   */
  Page<ModelEntity> list(Caller caller, ModelEntityQuery query);
}
