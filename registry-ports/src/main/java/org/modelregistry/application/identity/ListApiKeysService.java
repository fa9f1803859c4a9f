package org.modelregistry.application.identity;

import java.util.List;
import java.util.Objects;
import org.modelregistry.domain.error.ForbiddenException;
import org.modelregistry.domain.error.NotFoundException;
import org.modelregistry.domain.identity.ApiKey;
import org.modelregistry.domain.identity.Identity;
import org.modelregistry.ports.in.identity.ListApiKeysUseCase;
import org.modelregistry.ports.out.ApiKeyRepository;
import org.modelregistry.ports.out.IdentityRepository;

/** Lists key records: anyone its own, administrators anyone's. */
public final class ListApiKeysService implements ListApiKeysUseCase {

  private final IdentityRepository identities;
  private final ApiKeyRepository keys;

  public ListApiKeysService(IdentityRepository identities, ApiKeyRepository keys) {
    this.identities = Objects.requireNonNull(identities);
    this.keys = Objects.requireNonNull(keys);
  }

  @Override
  public List<ApiKey> list(Identity caller, String identityId) {
    // Refused before the lookup, so a non-administrator learns nothing about other identities.
    if (!AdminOnly.actsFor(caller, identityId)) {
      throw new ForbiddenException("only administrators may list other identities' keys");
    }
    if (identities.find(identityId).isEmpty()) {
      throw NotFoundException.of("identity", identityId);
    }
    return keys.listFor(identityId);
  }
}
