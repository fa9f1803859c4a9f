package org.modelregistry.application.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.modelregistry.application.Timestamps;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.error.NotFoundException;
import org.modelregistry.domain.identity.ApiKey;
import org.modelregistry.domain.identity.Identity;
import org.modelregistry.ports.in.identity.RevokeApiKeyUseCase;
import org.modelregistry.ports.out.ApiKeyRepository;
import org.modelregistry.ports.out.IdentityRepository;
import org.modelregistry.ports.out.TransactionRunner;

/**
 * Revokes API keys. Another identity's key answers like a missing one, so nobody learns which
 * prefixes exist; reading and writing share a transaction, so a first revocation time is kept.
 */
public final class RevokeApiKeyService implements RevokeApiKeyUseCase {

  private final ApiKeyRepository keys;
  private final IdentityRepository identities;
  private final TransactionRunner transactions;
  private final Clock clock;

  public RevokeApiKeyService(
      IdentityRepository identities,
      ApiKeyRepository keys,
      TransactionRunner transactions,
      Clock clock) {
    this.identities = Objects.requireNonNull(identities);
    this.keys = Objects.requireNonNull(keys);
    this.transactions = Objects.requireNonNull(transactions);
    this.clock = Objects.requireNonNull(clock);
  }

  @Override
  public ApiKey revoke(Identity caller, String prefix) {
    return transactions.inTransaction(
        () -> {
          ApiKey key =
              keys.findByPrefix(prefix)
                  .filter(k -> AdminOnly.actsFor(caller, k.identityId()))
                  .orElseThrow(() -> NotFoundException.of("API key", prefix));
          if (key.revokedAt().isPresent()) {
            return key;
          }
          Instant now = Timestamps.now(clock);
          if (isLastAdministratorKey(key, now)) {
            throw new ConflictException(
                "this is the last working key of an administrator; issue another one first, or"
                    + " nobody could manage identities and keys any more");
          }
          ApiKey revoked = key.revokedAt(now);
          if (!keys.update(revoked)) {
            throw NotFoundException.of("API key", prefix);
          }
          return revoked;
        });
  }

  /** Whether {@code key} is the only key, of all administrators', that works at {@code now}. */
  private boolean isLastAdministratorKey(ApiKey key, Instant now) {
    boolean ownerIsAdmin = identities.find(key.identityId()).map(Identity::admin).orElse(false);
    if (!ownerIsAdmin || !key.isActiveAt(now)) {
      return false;
    }
    return identities.list().stream()
        .filter(Identity::admin)
        .flatMap(admin -> keys.listFor(admin.id()).stream())
        .filter(k -> !k.prefix().equals(key.prefix()))
        .noneMatch(k -> k.isActiveAt(now));
  }
}
