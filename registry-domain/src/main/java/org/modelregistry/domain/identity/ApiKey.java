package org.modelregistry.domain.identity;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.modelregistry.domain.error.Violations;
import org.modelregistry.domain.naming.BoundedText;

/**
 * The stored record of an API key: whose it is, its public prefix and the hash of its secret, never
 * the secret. A key works from its creation until it expires or is revoked.
 *
 * @param prefix the key's public prefix ({@link ApiKeySecret#prefix()}), unique
 * @param identityId the identity the key authenticates as
 * @param hash the SHA-256 of the whole key ({@link ApiKeySecret#hash()})
 * @param name what its owner calls it, such as "ci pipeline"; null when unnamed, never blank
 * @param createdAt when it was issued
 * @param expiresAt when it stops working, after {@code createdAt}; empty for never
 * @param revokedAt when it was revoked; empty while it is not
 */
public record ApiKey(
    String prefix,
    String identityId,
    String hash,
    String name,
    Instant createdAt,
    Optional<Instant> expiresAt,
    Optional<Instant> revokedAt) {

  public ApiKey {
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(identityId, "identityId");
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(revokedAt, "revokedAt");
    if (!ApiKeySecret.isPrefix(prefix)) {
      throw new IllegalArgumentException(
          "a key's prefix is " + ApiKeySecret.PREFIX_LENGTH + " letters or digits");
    }
    if (identityId.isBlank() || identityId.length() > Actor.MAX_USER_ID_LENGTH) {
      throw new IllegalArgumentException(
          "a key's identity id is 1 to " + Actor.MAX_USER_ID_LENGTH + " characters");
    }
    if (!hash.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("a key's hash is a SHA-256 in lower-case hex");
    }
    var violations = Violations.collect();
    if (name != null) {
      violations
          .at("name")
          .attempt(() -> BoundedText.requireNonBlank(name, BoundedText.DISPLAY_NAME_MAX, "name"));
    }
    violations.require(
        expiresAt.isEmpty() || expiresAt.get().isAfter(createdAt),
        "value_error",
        "expires_at must be after the key's creation",
        "expires_at");
    violations.throwIfAny();
  }

  /** A new key for {@code identityId}, recording only the secret's hash. */
  public static ApiKey issue(
      ApiKeySecret secret,
      String identityId,
      String name,
      Instant now,
      Optional<Instant> expiresAt) {
    return new ApiKey(
        secret.prefix(), identityId, secret.hash(), name, now, expiresAt, Optional.empty());
  }

  /**
   * Whether the key may be used at {@code now}: not revoked and not expired. At the instant it
   * expires it no longer works.
   */
  public boolean isActiveAt(Instant now) {
    return revokedAt.isEmpty() && expiresAt.map(now::isBefore).orElse(true);
  }

  /** This key revoked at {@code now}; a key revoked before keeps its first revocation time. */
  public ApiKey revokedAt(Instant now) {
    return revokedAt.isPresent()
        ? this
        : new ApiKey(prefix, identityId, hash, name, createdAt, expiresAt, Optional.of(now));
  }

  /** Leaves the hash out: what is logged of a key is whose it is and its prefix. */
  @Override
  public String toString() {
    return "ApiKey[prefix="
        + prefix
        + ", identityId="
        + identityId
        + ", name="
        + name
        + ", createdAt="
        + createdAt
        + ", expiresAt="
        + expiresAt
        + ", revokedAt="
        + revokedAt
        + "]";
  }
}
