package org.modelregistry.ports.in.identity;

import org.modelregistry.domain.identity.ApiKey;
import org.modelregistry.domain.identity.Identity;

/** Revokes an API key: an administrator any key, anyone else only its own. */
public interface RevokeApiKeyUseCase {

  /**
   * Revokes the key of {@code prefix} now and returns its record; a key revoked before keeps its
   * first revocation time. A revoked key never works again.
   *
   * @throws org.modelregistry.domain.error.NotFoundException when there is no such key, or it is
   *     another identity's and {@code caller} is no administrator (the two are not told apart)
   */
  ApiKey revoke(Identity caller, String prefix);
}
