package org.modelregistry.application.workspace;

import java.util.Objects;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.workspace.ModelEntity;
import org.modelregistry.domain.workspace.ModelRef;
import org.modelregistry.ports.in.workspace.GetModelEntityUseCase;
import org.modelregistry.ports.out.ModelEntityRepository;

/** Reads model entities. */
public final class GetModelEntityService implements GetModelEntityUseCase {

  private final ModelEntityRepository models;

  public GetModelEntityService(ModelEntityRepository models) {
    this.models = Objects.requireNonNull(models);
  }

  @Override
  public ModelEntity get(Caller caller, ModelRef ref) {
    return WorkspaceLookups.requireModel(models, caller, ref);
  }
}
