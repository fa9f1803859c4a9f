package org.modelregistry.application.registration;

import java.util.Objects;
import org.modelregistry.domain.registration.RegisteredModel;
import org.modelregistry.ports.in.registration.ListRegisteredModelsUseCase;
import org.modelregistry.ports.in.registration.RegisteredModelQuery;
import org.modelregistry.ports.out.RegisteredModelRepository;
import org.modelregistry.ports.paging.Page;

/** Lists registered versions visible to the viewer. */
public final class ListRegisteredModelsService implements ListRegisteredModelsUseCase {

  private final RegisteredModelRepository models;

  public ListRegisteredModelsService(RegisteredModelRepository models) {
    this.models = Objects.requireNonNull(models);
  }

  @Override
  public Page<RegisteredModel> list(RegisteredModelQuery query) {
    return models.list(query);
  }
}
