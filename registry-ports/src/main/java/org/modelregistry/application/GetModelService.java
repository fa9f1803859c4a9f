package org.modelregistry.application;

import java.util.Objects;
import org.modelregistry.domain.error.NotFoundException;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.model.Model;
import org.modelregistry.ports.in.GetModelUseCase;
import org.modelregistry.ports.out.ModelRepository;

/** Reads models. */
public final class GetModelService implements GetModelUseCase {

  private final ModelRepository models;

  public GetModelService(ModelRepository models) {
    this.models = Objects.requireNonNull(models);
  }

  @Override
  public Model getModel(Caller caller, String modelId) {
    // One not visible to the caller is not found: no 403 that would tell it exists.
    return models
        .findById(modelId)
        .filter(model -> model.isVisibleTo(caller))
        .orElseThrow(() -> NotFoundException.of("model", modelId));
  }
}
