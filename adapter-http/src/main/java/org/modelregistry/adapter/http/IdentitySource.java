package org.modelregistry.adapter.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Objects;
import java.util.Optional;
import org.modelregistry.domain.identity.Actor;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.identity.Identity;

/**
 * Who a request acts as: either a fixed local actor ({@link #fixed}), or the identity whose API key
 * the request presents ({@link ApiKeyAuthentication}).
 */
public interface IdentitySource {

  /**
   * Who this request calls the use cases as; never null.
   *
   * @throws AuthenticationFailed when the source authenticates and the request is not
   */
  Caller callerOf(Context ctx);

  /**
   * The stored identity this request authenticated as; empty when the source does not authenticate
   * (a fixed actor has no stored identity) or the request did not.
   */
  default Optional<Identity> identityOf(Context ctx) {
    return Optional.empty();
  }

  /**
   * The actor the audit log names for this request, when there is one; unlike {@link #callerOf} it
   * never fails, so that refused requests are recorded too.
   */
  default Optional<Actor> auditedActorOf(Context ctx) {
    try {
      return callerOf(ctx).actor();
    } catch (AuthenticationFailed e) {
      return Optional.empty();
    }
  }

  /** Installs the request handlers the source needs (such as authentication); none by default. */
  default void register(RoutesConfig routes) {}

  /**
   * Every request acts as {@code actor}, trusted with every account and workspace (the registry run
   * without API keys), no administrator.
   */
  static IdentitySource fixed(Actor actor) {
    return fixed(actor, false);
  }

  /** Every request acts as {@code actor}, trusted, an administrator when {@code admin}. */
  static IdentitySource fixed(Actor actor, boolean admin) {
    Caller caller = Caller.trusted(Objects.requireNonNull(actor, "actor"), admin);
    return ctx -> caller;
  }
}
