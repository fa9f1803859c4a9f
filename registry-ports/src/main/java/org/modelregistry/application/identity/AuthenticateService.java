package org.modelregistry.application.identity;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.modelregistry.domain.identity.ApiKey;
import org.modelregistry.domain.identity.ApiKeySecret;
import org.modelregistry.domain.identity.Identity;
import org.modelregistry.ports.in.identity.AuthenticateUseCase;
import org.modelregistry.ports.out.ApiKeyRepository;
import org.modelregistry.ports.out.IdentityRepository;

/**
 * Authenticates API keys: the prefix finds the record, the hash proves the key. Every failure looks
 * the same to the caller, and an unknown prefix costs a hash comparison too, so timing tells little
 * more than the answer does. Nothing here logs.
 */
public final class AuthenticateService implements AuthenticateUseCase {

  /** Compared against when no record exists; no key hashes to it in practice. */
  private static final String NO_HASH = "0".repeat(64);

  private final ApiKeyRepository keys;
  private final IdentityRepository identities;
  private final Clock clock;

  public AuthenticateService(ApiKeyRepository keys, IdentityRepository identities, Clock clock) {
    this.keys = Objects.requireNonNull(keys);
    this.identities = Objects.requireNonNull(identities);
    this.clock = Objects.requireNonNull(clock);
  }

  @Override
  public Optional<Identity> authenticate(String presentedKey) {
    Optional<ApiKeySecret> secret = ApiKeySecret.parse(presentedKey);
    if (secret.isEmpty()) {
      return Optional.empty();
    }
    Optional<ApiKey> record = keys.findByPrefix(secret.get().prefix());
    boolean matches = secret.get().matches(record.map(ApiKey::hash).orElse(NO_HASH));
    if (record.isEmpty() || !matches || !record.get().isActiveAt(clock.instant())) {
      return Optional.empty();
    }
    return identities.find(record.get().identityId());
  }
}
