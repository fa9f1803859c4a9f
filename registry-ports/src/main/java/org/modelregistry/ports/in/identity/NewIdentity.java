package org.modelregistry.ports.in.identity;

import java.util.Objects;
import java.util.Set;
import org.modelregistry.domain.identity.IdentityType;

/**
 * An identity as an administrator creates it; the domain checks the fields (id, display name,
 * memberships) when the identity is made.
 *
 * @param accounts null means none
 * @param workspaces null means none
 */
public record NewIdentity(
    String id,
    String displayName,
    IdentityType type,
    Set<String> accounts,
    Set<String> workspaces,
    boolean admin) {

  public NewIdentity {
    Objects.requireNonNull(type, "type");
    accounts = accounts == null ? Set.of() : accounts;
    workspaces = workspaces == null ? Set.of() : workspaces;
  }
}
