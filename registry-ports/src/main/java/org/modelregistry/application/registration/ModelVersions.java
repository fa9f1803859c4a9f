package org.modelregistry.application.registration;

import java.util.List;
import java.util.Optional;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.error.ForbiddenException;
import org.modelregistry.domain.error.NotFoundException;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.registration.FileImport;
import org.modelregistry.domain.registration.RegisteredModel;
import org.modelregistry.ports.in.registration.ModelVersionRef;
import org.modelregistry.ports.out.RegisteredModelRepository;

/** Resolves how callers address versions, with the visibility rule every use case shares. */
final class ModelVersions {

  /** Where a version's files live in the artifact store: under its registration id. */
  static FilePath storageFolder(RegisteredModel model) {
    return storageFolder(model.id());
  }

  static FilePath storageFolder(String registrationId) {
    return new FilePath("registrations/" + registrationId);
  }

  /**
   * Where the file {@code target} of {@code model} is stored. Files are stored by their position in
   * the registration, not by name: a target of up to 1024 bytes then always fits the store's own
   * key limits (S3 keys are at most 1024 bytes, local names 255 per segment).
   */
  static FilePath storagePath(RegisteredModel model, FilePath target) {
    List<FileImport> files = model.files();
    for (int position = 0; position < files.size(); position++) {
      if (files.get(position).target().equals(target)) {
        return storagePath(model.id(), position);
      }
    }
    throw new IllegalArgumentException("'" + target + "' is not a file of " + model);
  }

  static FilePath storagePath(String registrationId, int position) {
    return new FilePath("registrations/" + registrationId + "/" + position);
  }

  private ModelVersions() {}

  /**
   * The version {@code ref} addresses as {@code viewer} sees it: with an owner, that owner's
   * version; without, the viewer's own, else the single public one of that name and version.
   *
   * @throws NotFoundException when none is visible to the viewer
   * @throws ConflictException when several owners have a public one and no owner was given
   */
  static RegisteredModel resolve(
      RegisteredModelRepository models, Caller viewer, ModelVersionRef ref) {
    Optional<RegisteredModel> found;
    if (ref.owner().isPresent()) {
      found =
          models
              .find(ref.owner().get(), ref.name(), ref.version())
              .filter(m -> m.isVisibleTo(viewer));
    } else {
      found =
          viewer.actor().flatMap(actor -> models.find(actor.userId(), ref.name(), ref.version()));
      if (found.isEmpty()) {
        List<RegisteredModel> public_ = models.findPublic(ref.name(), ref.version());
        if (public_.size() > 1) {
          throw new ConflictException(
              "several owners registered a public model '"
                  + ref.name()
                  + "' version '"
                  + ref.version()
                  + "': name the owner (/api/v1.0/model/{name}/{version}/{owner})");
        }
        found = public_.stream().findFirst();
      }
    }
    return found.orElseThrow(() -> notFound(ref));
  }

  /**
   * Like {@link #resolve}, for changes: only the owner and administrators may change a version.
   * Someone else's private version is not found; someone else's public one is forbidden.
   */
  static RegisteredModel resolveOwned(
      RegisteredModelRepository models, Caller caller, ModelVersionRef ref) {
    RegisteredModel model = resolve(models, caller, ref);
    if (!model.isChangeableBy(caller)) {
      throw new ForbiddenException(
          "only the owner of model '"
              + ref.name()
              + "' version '"
              + ref.version()
              + "' may change it");
    }
    return model;
  }

  static NotFoundException notFound(ModelVersionRef ref) {
    return new NotFoundException(
        "model '" + ref.name() + "' version '" + ref.version() + "' was not found");
  }
}
