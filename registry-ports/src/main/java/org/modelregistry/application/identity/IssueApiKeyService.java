package org.modelregistry.application.identity;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import org.modelregistry.application.Timestamps;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.error.ForbiddenException;
import org.modelregistry.domain.error.NotFoundException;
import org.modelregistry.domain.error.ValidationException;
import org.modelregistry.domain.identity.ApiKey;
import org.modelregistry.domain.identity.ApiKeySecret;
import org.modelregistry.domain.identity.Identity;
import org.modelregistry.ports.in.identity.IssueApiKeyUseCase;
import org.modelregistry.ports.in.identity.IssuedApiKey;
import org.modelregistry.ports.in.identity.NewApiKey;
import org.modelregistry.ports.out.ApiKeyRepository;
import org.modelregistry.ports.out.IdentityRepository;
import org.modelregistry.ports.out.RandomSource;
import org.modelregistry.ports.out.TransactionRunner;

/**
 * Issues API keys. Prefixes are random, so two keys may draw the same one; the repository refuses
 * the second, and a new key is drawn, each attempt in its own transaction with the owner's check.
 */
public final class IssueApiKeyService implements IssueApiKeyUseCase {

  /** Attempts at a free prefix; with 62^8 prefixes, a second one is already rare. */
  static final int MAX_ATTEMPTS = 5;

  /**
   * Working keys one identity may hold: enough for every machine and pipeline, few enough that a
   * leaked key cannot mint keys without end. Checked before issuing, so racing requests may pass it
   * by a few.
   */
  public static final int MAX_ACTIVE_KEYS = 100;

  private final IdentityRepository identities;
  private final ApiKeyRepository keys;
  private final KeyGenerator generator;
  private final TransactionRunner transactions;
  private final Clock clock;

  /** The latest expiry a key may have: stored times count microseconds in a long. */
  static final Instant LATEST_EXPIRY = Instant.parse("9999-12-31T23:59:59Z");

  public IssueApiKeyService(
      IdentityRepository identities,
      ApiKeyRepository keys,
      RandomSource random,
      TransactionRunner transactions,
      Clock clock) {
    this.identities = Objects.requireNonNull(identities);
    this.keys = Objects.requireNonNull(keys);
    this.generator = new KeyGenerator(random);
    this.transactions = Objects.requireNonNull(transactions);
    this.clock = Objects.requireNonNull(clock);
  }

  @Override
  public IssuedApiKey issue(Identity caller, NewApiKey request) {
    if (!AdminOnly.actsFor(caller, request.identityId())) {
      throw new ForbiddenException("only administrators may issue keys for other identities");
    }
    Instant now = Timestamps.now(clock);
    // Stored to the microsecond, so the answer shows what later reads will.
    Optional<Instant> expiresAt = request.expiresAt().map(t -> t.truncatedTo(ChronoUnit.MICROS));
    if (expiresAt.isPresent() && !expiresAt.get().isAfter(now)) {
      throw ValidationException.of("expires_at must be in the future", "value_error", "expires_at");
    }
    if (expiresAt.isPresent() && expiresAt.get().isAfter(LATEST_EXPIRY)) {
      throw ValidationException.of(
          "expires_at must be before the year 10000", "value_error", "expires_at");
    }
    // An id no identity can have (too long, say) names nobody: not found, before any key exists.
    if (identities.find(request.identityId()).isEmpty()) {
      throw NotFoundException.of("identity", request.identityId());
    }
    long active =
        keys.listFor(request.identityId()).stream().filter(k -> k.isActiveAt(now)).count();
    if (active >= MAX_ACTIVE_KEYS) {
      throw new ConflictException(
          "identity '"
              + request.identityId()
              + "' already holds "
              + MAX_ACTIVE_KEYS
              + " working keys; revoke one first");
    }
    for (int attempt = 1; ; attempt++) {
      ApiKeySecret secret = generator.next();
      ApiKey key = ApiKey.issue(secret, request.identityId(), request.name(), now, expiresAt);
      try {
        transactions.inTransaction(
            () -> {
              if (identities.find(request.identityId()).isEmpty()) {
                throw NotFoundException.of("identity", request.identityId());
              }
              keys.insert(key);
              return null;
            });
        return new IssuedApiKey(key, secret);
      } catch (ConflictException prefixTaken) {
        if (attempt >= MAX_ATTEMPTS) {
          throw prefixTaken;
        }
      }
    }
  }
}
