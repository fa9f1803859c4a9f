package org.modelregistry.application;

import java.util.Objects;
import org.modelregistry.domain.error.NotFoundException;
import org.modelregistry.ports.in.DeleteModelUseCase;
import org.modelregistry.ports.out.ModelRepository;

/** Deletes models. */
public final class DeleteModelService implements DeleteModelUseCase {

  private final ModelRepository models;

  public DeleteModelService(ModelRepository models) {
    this.models = Objects.requireNonNull(models);
  }

  @Override
  public void deleteModel(String modelId) {
    if (!models.delete(modelId)) {
      throw NotFoundException.of("model", modelId);
    }
  }
}
