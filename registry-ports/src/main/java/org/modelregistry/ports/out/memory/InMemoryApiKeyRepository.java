package org.modelregistry.ports.out.memory;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.identity.ApiKey;
import org.modelregistry.ports.out.ApiKeyRepository;

/**
 * API key records held in memory behind one lock, by prefix. For tests and in-memory embedding
 * ({@link InMemoryRepositories}); unlike a database it does not require the owner to exist.
 */
public final class InMemoryApiKeyRepository implements ApiKeyRepository {

  private static final Comparator<ApiKey> OLDEST_FIRST =
      Comparator.comparing(ApiKey::createdAt).thenComparing(ApiKey::prefix);

  private final Map<String, ApiKey> byPrefix = new HashMap<>();

  @Override
  public synchronized void insert(ApiKey key) {
    if (byPrefix.putIfAbsent(key.prefix(), key) != null) {
      throw new ConflictException("an API key with prefix '" + key.prefix() + "' exists already");
    }
  }

  @Override
  public synchronized Optional<ApiKey> findByPrefix(String prefix) {
    return Optional.ofNullable(byPrefix.get(prefix));
  }

  @Override
  public synchronized List<ApiKey> listFor(String identityId) {
    return byPrefix.values().stream()
        .filter(k -> k.identityId().equals(identityId))
        .sorted(OLDEST_FIRST)
        .toList();
  }

  @Override
  public synchronized boolean update(ApiKey key) {
    return byPrefix.replace(key.prefix(), key) != null;
  }
}
