package org.modelregistry.ports.in.identity;

import org.modelregistry.domain.identity.Identity;

/**
 * Issues an API key: an administrator for any identity, anyone else only for itself. The key is
 * shown once, in the answer; only its hash is stored.
 */
public interface IssueApiKeyUseCase {

  /**
   * A new random key for {@code key.identityId()} (256 secret bits and a fresh prefix, drawn again
   * when the prefix is taken), stamped with the current time.
   *
   * @throws org.modelregistry.domain.error.ForbiddenException when {@code caller} is no
   *     administrator and asks for another identity
   * @throws org.modelregistry.domain.error.ValidationException when the expiry is not in the future
   *     or the name breaks a rule
   * @throws org.modelregistry.domain.error.NotFoundException when there is no such identity
   * @throws org.modelregistry.domain.error.ConflictException when no free prefix was found in a few
   *     attempts (practically never)
   */
  IssuedApiKey issue(Identity caller, NewApiKey key);
}
