package org.modelregistry.ports.in.registration;

import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.registration.RegisteredModel;
import org.modelregistry.domain.registration.RegistrationUpdate;

/** Changes a registered version's description, metainfo or visibility. */
public interface UpdateRegisteredModelUseCase {

  /**
   * Applies {@code update} to the version; allowed in every import state.
   *
   * @throws org.modelregistry.domain.error.NotFoundException when the version is not visible to the
   *     caller
   * @throws org.modelregistry.domain.error.ForbiddenException when it is visible (public) but the
   *     caller is neither its owner nor an administrator
   * @throws org.modelregistry.domain.error.ValidationException when the result breaks a rule
   */
  RegisteredModel update(Caller caller, ModelVersionRef ref, RegistrationUpdate update);
}
