package org.modelregistry.application.identity;

import java.time.Clock;
import java.util.Objects;
import org.modelregistry.application.Timestamps;
import org.modelregistry.domain.identity.AuditEntry;
import org.modelregistry.ports.in.identity.AuditEvent;
import org.modelregistry.ports.in.identity.RecordAuditUseCase;
import org.modelregistry.ports.out.AuditLog;

/** Appends audit entries, stamped with the registry's clock. */
public final class RecordAuditService implements RecordAuditUseCase {

  private final AuditLog log;
  private final Clock clock;

  public RecordAuditService(AuditLog log, Clock clock) {
    this.log = Objects.requireNonNull(log);
    this.clock = Objects.requireNonNull(clock);
  }

  @Override
  public AuditEntry record(AuditEvent event) {
    AuditEntry entry =
        new AuditEntry(
            Timestamps.now(clock), event.actor(), event.action(), event.target(), event.status());
    log.append(entry);
    return entry;
  }
}
