package org.modelregistry.application.registration;

import java.time.Duration;
import java.util.Objects;
import org.modelregistry.ports.out.ImportLeases;

/**
 * Which registry node an importer runs on and how it claims the versions it imports.
 *
 * @param nodeId this process's name in the claims, unique among the processes on one database (at
 *     most 64 characters): a claim held under it is this process's alone
 * @param leases the claims, shared by every node on the database
 * @param leaseDuration how long a claim lasts without renewal: a node renews its claims three times
 *     per duration, and another node takes over a claim that ran out
 */
public record ImportNode(String nodeId, ImportLeases leases, Duration leaseDuration) {

  public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);

  public ImportNode {
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(leases, "leases");
    Objects.requireNonNull(leaseDuration, "leaseDuration");
    if (nodeId.isBlank() || nodeId.length() > 64) {
      throw new IllegalArgumentException("a node id is 1 to 64 characters");
    }
    if (leaseDuration.toMillis() < 300) {
      throw new IllegalArgumentException("a lease lasts at least 300 ms");
    }
  }

  /** How often running claims are renewed and run-out ones looked for. */
  Duration maintenanceInterval() {
    return leaseDuration.dividedBy(3);
  }
}
