package org.modelregistry.application.registration;

import java.time.Clock;
import java.util.Objects;
import org.modelregistry.application.Timestamps;
import org.modelregistry.domain.error.Violations;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.registration.ModelFileSpec;
import org.modelregistry.domain.registration.RegisteredModel;
import org.modelregistry.domain.registration.Registration;
import org.modelregistry.domain.registration.RegistrationDocuments;
import org.modelregistry.ports.in.registration.RegisterModelUseCase;
import org.modelregistry.ports.out.IdGenerator;
import org.modelregistry.ports.out.RegisteredModelRepository;
import org.modelregistry.ports.out.SourceFetcher;

/**
 * Registers versions: refuses sources the fetch policy blocks, stores the version as IMPORTING, and
 * hands it to the importer once it is committed.
 */
public final class RegisterModelService implements RegisterModelUseCase {

  private final RegisteredModelRepository models;
  private final SourceFetcher fetcher;
  private final ModelImporter importer;
  private final IdGenerator ids;
  private final Clock clock;

  public RegisterModelService(
      RegisteredModelRepository models,
      SourceFetcher fetcher,
      ModelImporter importer,
      IdGenerator ids,
      Clock clock) {
    this.models = Objects.requireNonNull(models);
    this.fetcher = Objects.requireNonNull(fetcher);
    this.importer = Objects.requireNonNull(importer);
    this.ids = Objects.requireNonNull(ids);
    this.clock = Objects.requireNonNull(clock);
  }

  @Override
  public RegisteredModel register(Caller caller, Registration registration) {
    // Before any source is looked at: checking one resolves its host.
    String owner = caller.requireActor().userId();
    var violations = Violations.collect();
    for (ModelFileSpec file : registration.files()) {
      fetcher
          .refusal(file.source())
          .ifPresent(
              reason ->
                  violations.add(
                      "source_refused",
                      "the source of '" + file.target() + "' is refused: " + reason,
                      RegistrationDocuments.MODEL_FILES,
                      file.target().value()));
    }
    violations.throwIfAny();
    RegisteredModel model =
        RegisteredModel.create(ids.newId(), owner, registration, Timestamps.now(clock));
    models.insert(model);
    importer.schedule(model.id());
    return model;
  }
}
