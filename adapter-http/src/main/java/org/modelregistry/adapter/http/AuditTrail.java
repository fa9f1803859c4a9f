package org.modelregistry.adapter.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import java.util.Objects;
import java.util.Set;
import org.modelregistry.ports.in.identity.AuditEvent;
import org.modelregistry.ports.in.identity.RecordAuditUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every mutating request (POST, PUT, PATCH, DELETE) to a route once it has been answered,
 * refused ones included (403, 404, 409, 422...): its route template, concrete path, status and,
 * when known, its actor. Requests that did not authenticate (401, 429) or matched no route are not
 * stored: they changed nothing, and anyone could send them.
 */
final class AuditTrail {

  private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
  private static final Set<HandlerType> MUTATIONS =
      Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

  private final RecordAuditUseCase recordAudit;
  private final IdentitySource identities;

  AuditTrail(RecordAuditUseCase recordAudit, IdentitySource identities) {
    this.recordAudit = Objects.requireNonNull(recordAudit, "recordAudit");
    this.identities = Objects.requireNonNull(identities, "identities");
  }

  void register(RoutesConfig routes) {
    routes.after(this::record);
  }

  private void record(Context ctx) {
    if (!MUTATIONS.contains(ctx.method())) {
      return;
    }
    // Requests nobody could be named for changed nothing; storing each would let anyone without a
    // key fill the database. Their refusals are logged by the authentication instead.
    int status = ctx.statusCode();
    if (status == 401 || status == 429) {
      return;
    }
    // Nor did requests that matched no route (404, 405): their paths are whatever was sent.
    Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
    if (matched == null) {
      return;
    }
    String route = matched.path;
    try {
      recordAudit.record(
          new AuditEvent(
              identities.auditedActorOf(ctx),
              ctx.method().name() + " " + route,
              ctx.path(),
              ctx.statusCode()));
    } catch (RuntimeException e) {
      // The request has taken effect; failing its answer now would only hide that.
      LOG.error("Could not record {} {} in the audit log", ctx.method(), ctx.path(), e);
    }
  }
}
