package org.modelregistry.ports.in.workspace;

import java.util.Objects;
import org.modelregistry.domain.identity.Actor;

/**
 * Who calls a workspace use case: the acting identity, and whether it is an administrator (which
 * lifts the trust_remote_code policy's restriction to pre-approved sources).
 */
public record WorkspaceCaller(Actor actor, boolean admin) {

  public WorkspaceCaller {
    Objects.requireNonNull(actor, "actor");
  }
}
