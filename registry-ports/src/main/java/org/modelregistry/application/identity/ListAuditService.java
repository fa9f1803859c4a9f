package org.modelregistry.application.identity;

import java.util.Objects;
import org.modelregistry.domain.identity.AuditEntry;
import org.modelregistry.domain.identity.Identity;
import org.modelregistry.ports.in.identity.AuditQuery;
import org.modelregistry.ports.in.identity.ListAuditUseCase;
import org.modelregistry.ports.out.AuditLog;
import org.modelregistry.ports.paging.Page;

/** Reads the audit log for administrators. */
public final class ListAuditService implements ListAuditUseCase {

  private final AuditLog log;

  public ListAuditService(AuditLog log) {
    this.log = Objects.requireNonNull(log);
  }

  @Override
  public Page<AuditEntry> list(Identity caller, AuditQuery query) {
    AdminOnly.require(caller, "read the audit log");
    return log.list(query.actorId(), query.before(), query.page(), query.pageSize());
  }
}
