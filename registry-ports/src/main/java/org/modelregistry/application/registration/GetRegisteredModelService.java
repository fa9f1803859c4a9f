package org.modelregistry.application.registration;

import java.time.Duration;
import java.util.Objects;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.registration.ImportState;
import org.modelregistry.domain.registration.RegisteredModel;
import org.modelregistry.ports.in.registration.GetRegisteredModelUseCase;
import org.modelregistry.ports.in.registration.ModelVersionRef;
import org.modelregistry.ports.out.RegisteredModelRepository;

/** Reads registered versions, optionally waiting for their import to end. */
public final class GetRegisteredModelService implements GetRegisteredModelUseCase {

  /** How often a wait re-reads a version whose import runs on another node. */
  static final Duration POLL_INTERVAL = Duration.ofMillis(200);

  private final RegisteredModelRepository models;
  private final ModelImporter importer;

  public GetRegisteredModelService(RegisteredModelRepository models, ModelImporter importer) {
    this.models = Objects.requireNonNull(models);
    this.importer = Objects.requireNonNull(importer);
  }

  @Override
  public RegisteredModel get(Caller viewer, ModelVersionRef ref) {
    return ModelVersions.resolve(models, viewer, ref);
  }

  @Override
  public RegisteredModel await(Caller viewer, ModelVersionRef ref, Duration maxWait) {
    RegisteredModel model = get(viewer, ref);
    Duration bounded = maxWait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : maxWait;
    long deadline = System.nanoTime() + bounded.toNanos();
    while (model.state() == ImportState.IMPORTING) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return model;
      }
      if (!importer.awaitEnd(model.id(), Duration.ofNanos(left))) {
        // The import runs elsewhere (another node) or is not resumed yet: poll the store.
        if (!Pauses.pause(Duration.ofNanos(Math.min(left, POLL_INTERVAL.toNanos())))) {
          return model;
        }
      }
      String id = model.id();
      // Visibility is asked again: the owner may have made the version private meanwhile.
      model =
          models
              .findById(id)
              .filter(m -> m.isVisibleTo(viewer))
              .orElseThrow(() -> ModelVersions.notFound(ref));
    }
    return model;
  }
}
