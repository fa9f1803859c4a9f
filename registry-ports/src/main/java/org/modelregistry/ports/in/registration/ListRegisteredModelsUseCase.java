package org.modelregistry.ports.in.registration;

import org.modelregistry.domain.registration.RegisteredModel;
import org.modelregistry.ports.paging.Page;

/** Lists registered versions visible to a viewer. */
public interface ListRegisteredModelsUseCase {

  /** One page of the matching versions, newest first. */
  Page<RegisteredModel> list(RegisteredModelQuery query);
}
