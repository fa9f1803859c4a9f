package org.modelregistry.application;

import java.util.Objects;
import org.modelregistry.domain.model.Model;
import org.modelregistry.ports.in.ListModelsUseCase;
import org.modelregistry.ports.in.ModelQuery;
import org.modelregistry.ports.out.ModelRepository;
import org.modelregistry.ports.paging.Page;

/** Lists models. */
public final class ListModelsService implements ListModelsUseCase {

  private final ModelRepository models;

  public ListModelsService(ModelRepository models) {
    this.models = Objects.requireNonNull(models);
  }

  @Override
  public Page<Model> listModels(ModelQuery query) {
    return models.list(query);
  }
}
