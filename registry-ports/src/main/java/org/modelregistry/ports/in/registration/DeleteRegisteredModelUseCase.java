package org.modelregistry.ports.in.registration;

import org.modelregistry.domain.identity.Actor;

/** Deletes a registered version and every byte stored for it. */
public interface DeleteRegisteredModelUseCase {

  /**
   * Deletes the version, stops its import if one is running, and removes its stored files.
   *
   * @throws org.modelregistry.domain.error.NotFoundException when the version is not visible to the
   *     actor
   * @throws org.modelregistry.domain.error.ForbiddenException when it is visible but owned by
   *     someone else
   */
  void delete(Actor actor, ModelVersionRef ref);
}
