package org.modelregistry.ports.out;

import java.time.Instant;
import java.util.Optional;
import org.modelregistry.domain.identity.AuditEntry;
import org.modelregistry.ports.paging.Page;

/** The durable record of every mutation, newest first. Safe for concurrent use. */
public interface AuditLog {

  /** Adds an entry; concurrent appends all land. */
  void append(AuditEntry entry);

  /**
   * One page of entries, newest first (ties in arrival order, latest first), optionally only those
   * whose actor has exactly the id {@code actorId} (entries without actor never match) and only
   * those at or before {@code before}. The page's total counts every matching entry; it has no
   * cursor.
   *
   * @param page 1-based; a page past the end is empty
   * @param pageSize at least 1
   */
  Page<AuditEntry> list(Optional<String> actorId, Optional<Instant> before, int page, int pageSize);
}
