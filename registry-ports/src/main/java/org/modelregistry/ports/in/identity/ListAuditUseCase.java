package org.modelregistry.ports.in.identity;

import org.modelregistry.domain.identity.AuditEntry;
import org.modelregistry.domain.identity.Identity;
import org.modelregistry.ports.paging.Page;

/** Reads the audit log; only administrators may. */
public interface ListAuditUseCase {

  /**
   * One page of the entries {@code query} selects, newest first (entries of the same instant latest
   * recorded first), with the count of all it selects.
   *
   * @throws org.modelregistry.domain.error.ForbiddenException when {@code caller} is no
   *     administrator
   */
  Page<AuditEntry> list(Identity caller, AuditQuery query);
}
