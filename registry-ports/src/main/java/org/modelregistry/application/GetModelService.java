package org.modelregistry.application;

import java.util.Objects;
import org.modelregistry.domain.error.NotFoundException;
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
  public Model getModel(String modelId) {
    return models.findById(modelId).orElseThrow(() -> NotFoundException.of("model", modelId));
  }
}
