package org.modelregistry.adapter.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Objects;
import java.util.Optional;
import org.modelregistry.domain.identity.Actor;
import org.modelregistry.domain.identity.Identity;

/**
 * Who a request acts as: either a fixed local actor ({@link #fixed}), or the identity whose API key
 * the request presents ({@link ApiKeyAuthentication}).
 */
public interface IdentitySource {

  /**
   * The actor of this request; never null.
   *
   * @throws AuthenticationFailed when the source authenticates and the request is not
   */
  Actor actorOf(Context ctx);

  /** Whether this request's caller may see and change everything; by default nobody may. */
  default boolean isAdmin(Context ctx) {
    return false;
  }

  /**
   * The stored identity this request authenticated as; empty when the source does not authenticate
   * (a fixed actor has no stored identity) or the request did not.
   */
  default Optional<Identity> identityOf(Context ctx) {
    return Optional.empty();
  }

  /**
   * The actor the audit log names for this request, when there is one; unlike {@link #actorOf} it
   * never fails, so that refused requests are recorded too.
   */
  default Optional<Actor> auditedActorOf(Context ctx) {
    return Optional.of(actorOf(ctx));
  }

  /** Installs the request handlers the source needs (such as authentication); none by default. */
  default void register(RoutesConfig routes) {}

  /** Every request acts as {@code actor}, no administrator. */
  static IdentitySource fixed(Actor actor) {
    return fixed(actor, false);
  }

  /** Every request acts as {@code actor}, an administrator when {@code admin}. */
  static IdentitySource fixed(Actor actor, boolean admin) {
    Objects.requireNonNull(actor, "actor");
    return new IdentitySource() {
      @Override
      public Actor actorOf(Context ctx) {
        return actor;
      }

      @Override
      public boolean isAdmin(Context ctx) {
        return admin;
      }
    };
  }
}
