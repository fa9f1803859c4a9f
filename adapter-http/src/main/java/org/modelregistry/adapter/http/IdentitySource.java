package org.modelregistry.adapter.http;

import io.javalin.http.Context;
import java.util.Objects;
import org.modelregistry.domain.identity.Actor;

/**
 * Who a request acts as. Today every request acts as the configured local identity; an
 * authenticating implementation can later derive the actor from the request instead.
 */
@FunctionalInterface
public interface IdentitySource {

  /** The actor of this request; never null. */
  Actor actorOf(Context ctx);

  /** Every request acts as {@code actor}. */
  static IdentitySource fixed(Actor actor) {
    Objects.requireNonNull(actor, "actor");
    return ctx -> actor;
  }
}
