package org.modelregistry.application.workspace;

import java.util.Objects;
import org.modelregistry.domain.workspace.ModelRef;
import org.modelregistry.ports.in.workspace.DeleteModelEntityUseCase;
import org.modelregistry.ports.in.workspace.WorkspaceCaller;
import org.modelregistry.ports.out.ModelEntityRepository;

/** Deletes model entities with their adapters; the filesets they used stay. */
public final class DeleteModelEntityService implements DeleteModelEntityUseCase {

  private final ModelEntityRepository models;

  public DeleteModelEntityService(ModelEntityRepository models) {
    this.models = Objects.requireNonNull(models);
  }

  @Override
  public void delete(WorkspaceCaller caller, ModelRef ref) {
    if (!models.delete(ref.workspace(), ref.name())) {
      throw WorkspaceLookups.modelNotFound(ref);
    }
  }
}
