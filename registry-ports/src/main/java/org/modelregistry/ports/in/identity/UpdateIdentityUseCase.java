package org.modelregistry.ports.in.identity;

import org.modelregistry.domain.identity.Identity;
import org.modelregistry.domain.identity.IdentityPatch;

/** Changes an identity's display name, memberships or admin flag; only administrators may. */
public interface UpdateIdentityUseCase {

  /**
   * Applies {@code patch} to the identity {@code id} names and returns the result; absent fields
   * keep their value.
   *
   * @throws org.modelregistry.domain.error.ForbiddenException when {@code caller} is no
   *     administrator (checked before anything else)
   * @throws org.modelregistry.domain.error.NotFoundException when there is no such identity
   * @throws org.modelregistry.domain.error.ValidationException when the result breaks a rule
   * @throws org.modelregistry.domain.error.ConflictException when it would take the admin flag from
   *     the last administrator, which would leave nobody able to manage identities
   */
  Identity update(Identity caller, String id, IdentityPatch patch);
}
