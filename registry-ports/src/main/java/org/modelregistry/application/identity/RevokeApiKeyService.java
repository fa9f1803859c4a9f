package org.modelregistry.application.identity;

import java.time.Clock;
import java.util.Objects;
import org.modelregistry.application.Timestamps;
import org.modelregistry.domain.error.NotFoundException;
import org.modelregistry.domain.identity.ApiKey;
import org.modelregistry.domain.identity.Identity;
import org.modelregistry.ports.in.identity.RevokeApiKeyUseCase;
import org.modelregistry.ports.out.ApiKeyRepository;
import org.modelregistry.ports.out.TransactionRunner;

/**
 * Revokes API keys. Another identity's key answers like a missing one, so nobody learns which
 * prefixes exist; reading and writing share a transaction, so a first revocation time is kept.
 */
public final class RevokeApiKeyService implements RevokeApiKeyUseCase {

  private final ApiKeyRepository keys;
  private final TransactionRunner transactions;
  private final Clock clock;

  public RevokeApiKeyService(ApiKeyRepository keys, TransactionRunner transactions, Clock clock) {
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
          ApiKey revoked = key.revokedAt(Timestamps.now(clock));
          if (!keys.update(revoked)) {
            throw NotFoundException.of("API key", prefix);
          }
          return revoked;
        });
  }
}
