package org.modelregistry.application.registration;

import java.time.Duration;
import java.util.Objects;
import org.modelregistry.domain.identity.Actor;
import org.modelregistry.domain.registration.ImportState;
import org.modelregistry.domain.registration.RegisteredModel;
import org.modelregistry.ports.in.registration.GetRegisteredModelUseCase;
import org.modelregistry.ports.in.registration.ModelVersionRef;
import org.modelregistry.ports.out.RegisteredModelRepository;

/** Reads registered versions, optionally waiting for their import to end. */
public final class GetRegisteredModelService implements GetRegisteredModelUseCase {

  private final RegisteredModelRepository models;
  private final ModelImporter importer;

  public GetRegisteredModelService(RegisteredModelRepository models, ModelImporter importer) {
    this.models = Objects.requireNonNull(models);
    this.importer = Objects.requireNonNull(importer);
  }

  @Override
  public RegisteredModel get(Actor viewer, ModelVersionRef ref) {
    return ModelVersions.resolve(models, viewer, ref);
  }

  @Override
  public RegisteredModel await(Actor viewer, ModelVersionRef ref, Duration maxWait) {
    RegisteredModel model = get(viewer, ref);
    if (model.state() != ImportState.IMPORTING || maxWait.isNegative() || maxWait.isZero()) {
      return model;
    }
    Duration bounded = maxWait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : maxWait;
    importer.awaitEnd(model.id(), bounded);
    return models.findById(model.id()).orElseThrow(() -> ModelVersions.notFound(ref));
  }
}
