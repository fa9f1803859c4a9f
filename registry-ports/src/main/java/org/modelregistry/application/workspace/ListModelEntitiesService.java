package org.modelregistry.application.workspace;

import java.util.Objects;
import org.modelregistry.domain.identity.Caller;
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
  public Page<ModelEntity> list(Caller caller, ModelEntityQuery query) {
    Objects.requireNonNull(query, "query");
    // An outsider sees an empty workspace, as it would one that nobody has used yet.
    if (!WorkspaceLookups.visible(caller, query.workspace())) {
      return Page.empty(query.page().page(), query.page().pageSize());
    }
    return models.list(query);
  }
}
