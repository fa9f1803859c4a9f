package org.modelregistry.ports.in.identity;

import java.util.Objects;
import java.util.Optional;
import org.modelregistry.domain.identity.Actor;

/**
 * A mutation to record, as the driving adapter saw it end; the time is the registry's. The domain
 * checks and bounds the fields (see {@link org.modelregistry.domain.identity.AuditEntry}).
 *
 * @param actor the authenticated identity; empty when nobody could be named
 * @param action what was asked, as a route
 * @param target the concrete resource
 * @param status the HTTP status it ended with
 */
public record AuditEvent(Optional<Actor> actor, String action, String target, int status) {

  public AuditEvent {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(target, "target");
  }
}
