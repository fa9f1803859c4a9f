package org.modelregistry.adapter.http;

import io.javalin.http.Context;
import java.util.Objects;
import org.modelregistry.ports.in.workspace.WorkspaceCaller;

/**
 * Who a workspace request acts as: the identity {@code identities} names, an administrator or not.
 * Until authentication exists every request acts as the local identity, so the flag is the local
 * identity's.
 */
record WorkspaceCallers(IdentitySource identities, boolean admins) {

  WorkspaceCallers {
    Objects.requireNonNull(identities, "identities");
  }

  WorkspaceCaller of(Context ctx) {
    return new WorkspaceCaller(identities.actorOf(ctx), admins);
  }
}
