package org.modelregistry.adapter.http;

import io.javalin.http.Context;
import java.util.Objects;
import org.modelregistry.ports.in.workspace.WorkspaceCaller;

/**
 * Who a workspace request acts as: the actor {@code identities} names, an administrator when its
 * identity is one.
 */
record WorkspaceCallers(IdentitySource identities) {

  WorkspaceCallers {
    Objects.requireNonNull(identities, "identities");
  }

  WorkspaceCaller of(Context ctx) {
    return new WorkspaceCaller(identities.actorOf(ctx), identities.isAdmin(ctx));
  }
}
