package org.modelregistry.application.identity;

import java.time.Clock;
import java.util.Objects;
import org.modelregistry.application.Timestamps;
import org.modelregistry.domain.identity.Identity;
import org.modelregistry.ports.in.identity.CreateIdentityUseCase;
import org.modelregistry.ports.in.identity.NewIdentity;
import org.modelregistry.ports.out.IdentityRepository;

/** Creates identities for administrators; the repository refuses a taken id, even in a race. */
public final class CreateIdentityService implements CreateIdentityUseCase {

  private final IdentityRepository identities;
  private final Clock clock;

  public CreateIdentityService(IdentityRepository identities, Clock clock) {
    this.identities = Objects.requireNonNull(identities);
    this.clock = Objects.requireNonNull(clock);
  }

  @Override
  public Identity create(Identity caller, NewIdentity identity) {
    AdminOnly.require(caller, "create identities");
    Identity created =
        new Identity(
            identity.id(),
            identity.displayName(),
            identity.type(),
            identity.accounts(),
            identity.workspaces(),
            identity.admin(),
            Timestamps.now(clock));
    identities.insert(created);
    return created;
  }
}
