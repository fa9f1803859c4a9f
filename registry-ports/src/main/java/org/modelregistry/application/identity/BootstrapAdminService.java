package org.modelregistry.application.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.modelregistry.application.Timestamps;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.identity.ApiKey;
import org.modelregistry.domain.identity.ApiKeySecret;
import org.modelregistry.domain.identity.Identity;
import org.modelregistry.domain.identity.IdentityType;
import org.modelregistry.ports.in.identity.BootstrapAdminUseCase;
import org.modelregistry.ports.in.identity.IssuedApiKey;
import org.modelregistry.ports.out.ApiKeyRepository;
import org.modelregistry.ports.out.IdentityRepository;
import org.modelregistry.ports.out.RandomSource;
import org.modelregistry.ports.out.TransactionRunner;

/**
 * Bootstraps a new installation. The emptiness check and both inserts share a transaction, so an
 * administrator never exists without its key; when two nodes race, the repository lets one insert
 * the administrator and the other's conflict means the work is done.
 */
public final class BootstrapAdminService implements BootstrapAdminUseCase {

  private final IdentityRepository identities;
  private final ApiKeyRepository keys;
  private final KeyGenerator generator;
  private final TransactionRunner transactions;
  private final Clock clock;

  public BootstrapAdminService(
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
  public Optional<IssuedApiKey> bootstrap(Optional<String> presetKey) {
    Optional<ApiKeySecret> preset = presetKey.map(BootstrapAdminService::parsePreset);
    if (!identities.isEmpty()) {
      return Optional.empty();
    }
    try {
      return transactions.inTransaction(() -> createAdmin(preset));
    } catch (ConflictException anotherNodeWasFirst) {
      return Optional.empty();
    }
  }

  private Optional<IssuedApiKey> createAdmin(Optional<ApiKeySecret> preset) {
    // Asked again inside the transaction: another node may have finished in between.
    if (!identities.isEmpty()) {
      return Optional.empty();
    }
    Instant now = Timestamps.now(clock);
    identities.insert(
        new Identity(
            ADMIN_ID, ADMIN_DISPLAY_NAME, IdentityType.USER, Set.of(), Set.of(), true, now));
    ApiKeySecret secret = preset.orElseGet(generator::next);
    ApiKey key = ApiKey.issue(secret, ADMIN_ID, KEY_NAME, now, Optional.empty());
    keys.insert(key);
    return Optional.of(new IssuedApiKey(key, secret));
  }

  // The message describes the expected shape only: the text may be a real key with a typo.
  private static ApiKeySecret parsePreset(String text) {
    return ApiKeySecret.parse(text)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "the preset admin key is not an API key: expected "
                        + ApiKeySecret.MARK
                        + "<8 letters or digits>_<43 base64url characters>, "
                        + ApiKeySecret.LENGTH
                        + " characters in all"));
  }
}
