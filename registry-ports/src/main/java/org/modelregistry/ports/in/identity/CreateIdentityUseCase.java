package org.modelregistry.ports.in.identity;

import org.modelregistry.domain.identity.Identity;

/** Creates a user or service account; only administrators may. */
public interface CreateIdentityUseCase {

  /**
   * Creates {@code identity}, stamped with the current time, and returns it.
   *
   * @throws org.modelregistry.domain.error.ForbiddenException when {@code caller} is no
   *     administrator (checked before anything else)
   * @throws org.modelregistry.domain.error.ValidationException when a field breaks a rule
   * @throws org.modelregistry.domain.error.ConflictException when an identity has its id already
   */
  Identity create(Identity caller, NewIdentity identity);
}
