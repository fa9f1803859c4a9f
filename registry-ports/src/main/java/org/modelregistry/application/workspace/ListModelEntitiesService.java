package org.modelregistry.application.workspace;

import java.util.Objects;
import org.modelregistry.domain.workspace.ModelEntity;
import org.modelregistry.ports.in.workspace.ListModelEntitiesUseCase;
import org.modelregistry.ports.in.workspace.ModelEntityQuery;
import org.modelregistry.ports.out.ModelEntityRepository;
import org.modelregistry.ports.paging.Page;

/** Lists model entities as the repository pages them. */
public final class ListModelEntitiesService implements ListModelEntitiesUseCase {

  private final ModelEntityRepository models;

  public ListModelEntitiesService(ModelEntityRepository models) {
    this.models = Objects.requireNonNull(models);
  }

  @Override
  public Page<ModelEntity> list(ModelEntityQuery query) {
    return models.list(Objects.requireNonNull(query, "query"));
  }
}
