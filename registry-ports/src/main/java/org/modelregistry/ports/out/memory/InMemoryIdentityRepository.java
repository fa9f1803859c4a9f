package org.modelregistry.ports.out.memory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.identity.Identity;
import org.modelregistry.ports.out.IdentityRepository;

/** Identities held in memory behind one lock, by id. For tests and in-memory embedding. */
public final class InMemoryIdentityRepository implements IdentityRepository {

  private final Map<String, Identity> byId = new TreeMap<>();

  @Override
  public synchronized void insert(Identity identity) {
    if (byId.putIfAbsent(identity.id(), identity) != null) {
      throw new ConflictException("an identity with id '" + identity.id() + "' exists already");
    }
  }

  @Override
  public synchronized Optional<Identity> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public synchronized boolean update(Identity identity) {
    return byId.replace(identity.id(), identity) != null;
  }

  @Override
  public synchronized List<Identity> list() {
    return List.copyOf(byId.values());
  }

  @Override
  public synchronized boolean isEmpty() {
    return byId.isEmpty();
  }

  /** Removes an identity, as an operator might in the database; not part of the port. */
  public synchronized boolean delete(String id) {
    return byId.remove(id) != null;
  }
}
