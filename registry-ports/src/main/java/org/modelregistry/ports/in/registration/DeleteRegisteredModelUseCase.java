package org.modelregistry.ports.in.registration;

import org.modelregistry.domain.identity.Caller;

/** Deletes a registered version and every byte stored for it. */
public interface DeleteRegisteredModelUseCase {

  /**
   * Deletes the version, stops its import if one is running, and removes its stored files.
   *
   * @throws org.modelregistry.domain.error.NotFoundException when the version is not visible to the
   *     caller
   * @throws org.modelregistry.domain.error.ForbiddenException when it is visible (public) but the
   *     caller is neither its owner nor an administrator
   */
  void delete(Caller caller, ModelVersionRef ref);
}
