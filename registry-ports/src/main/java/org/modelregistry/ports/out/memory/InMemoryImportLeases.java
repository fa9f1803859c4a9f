package org.modelregistry.ports.out.memory;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.modelregistry.domain.registration.ImportState;
import org.modelregistry.domain.registration.RegisteredModel;
import org.modelregistry.ports.out.ImportLeases;

/**
 * Claims on the IMPORTING versions of an {@link InMemoryRegisteredModelRepository}, behind one
 * lock. For tests and in-memory embedding; several importers sharing one stand for several nodes.
 */
public final class InMemoryImportLeases implements ImportLeases {

  private record Lease(String owner, Instant until) {}

  private final InMemoryRegisteredModelRepository models;
  private final Map<String, Lease> leases = new HashMap<>();

  /** Claims on the IMPORTING versions of {@code models}. */
  public InMemoryImportLeases(InMemoryRegisteredModelRepository models) {
    this.models = Objects.requireNonNull(models, "models");
  }

  @Override
  public synchronized boolean claim(
      String registrationId, String nodeId, Instant now, Instant until) {
    if (!importing(registrationId)) {
      return false;
    }
    Lease current = leases.get(registrationId);
    if (current != null && !current.owner().equals(nodeId) && current.until().isAfter(now)) {
      return false;
    }
    leases.put(registrationId, new Lease(nodeId, until));
    return true;
  }

  @Override
  public synchronized boolean renew(
      String registrationId, String nodeId, Instant now, Instant until) {
    if (!importing(registrationId) || !holds(registrationId, nodeId, now)) {
      return false;
    }
    leases.put(registrationId, new Lease(nodeId, until));
    return true;
  }

  @Override
  public synchronized boolean holds(String registrationId, String nodeId, Instant now) {
    Lease current = leases.get(registrationId);
    return current != null
        && current.owner().equals(nodeId)
        && current.until().isAfter(now)
        && models.findById(registrationId).isPresent();
  }

  @Override
  public synchronized void release(String registrationId, String nodeId, Instant now) {
    Lease current = leases.get(registrationId);
    if (current != null && current.owner().equals(nodeId)) {
      leases.put(registrationId, new Lease(nodeId, now));
    }
  }

  @Override
  public synchronized List<String> claimable(Instant now, java.time.Duration grace, int limit) {
    return models.findImporting().stream()
        .filter(
            m -> {
              Lease lease = leases.get(m.id());
              return lease == null
                  ? !m.createdAt().isAfter(now.minus(grace))
                  : !lease.until().isAfter(now);
            })
        .sorted(Comparator.comparing(RegisteredModel::createdAt).thenComparing(RegisteredModel::id))
        .limit(limit)
        .map(RegisteredModel::id)
        .toList();
  }

  private boolean importing(String registrationId) {
    Optional<RegisteredModel> model = models.findById(registrationId);
    return model.isPresent() && model.get().state() == ImportState.IMPORTING;
  }
}
