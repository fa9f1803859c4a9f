package org.modelregistry.ports.in.identity;

import java.util.List;
import org.modelregistry.domain.identity.ApiKey;
import org.modelregistry.domain.identity.Identity;

/** Lists an identity's API keys: an administrator anyone's, anyone else only its own. */
public interface ListApiKeysUseCase {

  /**
   * The key records of {@code identityId}, oldest first, revoked and expired ones included. They
   * hold no secret; their hash is for the registry only and adapters must not render it.
   *
   * @throws org.modelregistry.domain.error.ForbiddenException when {@code caller} is no
   *     administrator and asks for another identity (whether or not it exists)
   * @throws org.modelregistry.domain.error.NotFoundException when there is no such identity
   */
  List<ApiKey> list(Identity caller, String identityId);
}
