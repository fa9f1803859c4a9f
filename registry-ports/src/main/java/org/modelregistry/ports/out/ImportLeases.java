package org.modelregistry.ports.out;

import java.time.Instant;
import java.util.List;

/**
 * Which registry node imports which IMPORTING version. A node claims a version for a while and
 * renews its claim as long as it copies; a version whose claim ran out (its node died, or lost
 * touch with the database) may be claimed by another node, which resumes it. So several nodes on
 * one database never run one import twice at once, and no import is left behind.
 *
 * <p>Every method is atomic on its own: of two nodes claiming one version at once, exactly one
 * succeeds. Times are the nodes' clocks; a claim lasts long enough (tens of seconds) that their
 * drift does not matter.
 */
public interface ImportLeases {

  /**
   * Claims {@code registrationId} for {@code nodeId} until {@code until}: when it is IMPORTING and
   * unclaimed, claimed by this node already, or claimed by another node only up to {@code now}.
   *
   * @return whether the node holds the claim now
   */
  boolean claim(String registrationId, String nodeId, Instant now, Instant until);

  /**
   * Extends the node's claim to {@code until}.
   *
   * @return false when the node no longer holds it (it ran out and another node claimed it, or the
   *     version is no longer IMPORTING or gone): the node must stop copying
   */
  boolean renew(String registrationId, String nodeId, Instant now, Instant until);

  /**
   * Whether {@code nodeId} holds a claim on {@code registrationId} that runs beyond {@code now}.
   */
  boolean holds(String registrationId, String nodeId, Instant now);

  /**
   * Gives the node's claim up (its import ended or stopped): it runs out at {@code now}, so that
   * another node may take the version over at once; nothing when the node holds none.
   */
  void release(String registrationId, String nodeId, Instant now);

  /**
   * Up to {@code limit} IMPORTING versions nobody holds a claim on at {@code now}, oldest first;
   * those never claimed are left out for {@code grace} after their creation (their registering node
   * claims them in a moment).
   */
  List<String> claimable(Instant now, java.time.Duration grace, int limit);
}
