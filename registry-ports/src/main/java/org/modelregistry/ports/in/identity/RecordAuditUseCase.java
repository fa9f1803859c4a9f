package org.modelregistry.ports.in.identity;

import org.modelregistry.domain.identity.AuditEntry;

/** Appends a mutation to the audit log. */
public interface RecordAuditUseCase {

  /**
   * Records {@code event} at the current time and returns the entry as stored.
   *
   * @throws IllegalArgumentException when the action is blank or the status is no HTTP status
   */
  AuditEntry record(AuditEvent event);
}
