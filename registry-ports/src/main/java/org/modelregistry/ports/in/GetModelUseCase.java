package org.modelregistry.ports.in;

import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.model.Model;

/** Reads one model. */
public interface GetModelUseCase {

  /**
   * @return the model with this id, never null
   * @throws org.modelregistry.domain.error.NotFoundException when there is none the caller may see
   */
  Model getModel(Caller caller, String modelId);
}
