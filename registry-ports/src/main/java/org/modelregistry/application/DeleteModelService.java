package org.modelregistry.application;

import java.util.Objects;
import org.modelregistry.domain.error.NotFoundException;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.model.Model;
import org.modelregistry.ports.in.DeleteModelUseCase;
import org.modelregistry.ports.out.ModelRepository;

/** Deletes models. */
public final class DeleteModelService implements DeleteModelUseCase {

  private final ModelRepository models;

  public DeleteModelService(ModelRepository models) {
    this.models = Objects.requireNonNull(models);
  }

  @Override
  public void deleteModel(Caller caller, String modelId) {
    Model model =
        models
            .findById(modelId)
            .filter(m -> m.isVisibleTo(caller))
            .orElseThrow(() -> NotFoundException.of("model", modelId));
    // A model's account never changes, so the check holds until the delete.
    caller.requireAccount(model.accountId());
    if (!models.delete(modelId)) {
      throw NotFoundException.of("model", modelId);
    }
  }
}
