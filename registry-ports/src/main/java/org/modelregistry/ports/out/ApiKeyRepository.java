package org.modelregistry.ports.out;

import java.util.List;
import java.util.Optional;
import org.modelregistry.domain.identity.ApiKey;

/**
 * Stores API key records (their hashes, never the keys), unique by prefix (case-sensitive). Safe
 * for concurrent use. A store may require a key's identity to exist.
 */
public interface ApiKeyRepository {

  /**
   * Stores a new key record.
   *
   * @throws org.modelregistry.domain.error.ConflictException when its prefix is taken (of two
   *     racing inserts of one prefix exactly one succeeds)
   */
  void insert(ApiKey key);

  /** The record of the key with exactly this prefix; empty when there is none. */
  Optional<ApiKey> findByPrefix(String prefix);

  /**
   * The keys of {@code identityId}, oldest first (keys of the same instant by prefix), revoked and
   * expired ones included; empty for an identity without keys or an unknown one.
   */
  List<ApiKey> listFor(String identityId);

  /** Replaces the stored record of the same prefix (to revoke it); false when there is none. */
  boolean update(ApiKey key);
}
