package org.modelregistry.ports.in;

import org.modelregistry.domain.model.Model;
import org.modelregistry.ports.paging.Page;

/** Lists models. */
public interface ListModelsUseCase {

  /** One page of the models that match the query, in its order. */
  Page<Model> listModels(ModelQuery query);
}
