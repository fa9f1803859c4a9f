package org.modelregistry.application.identity;

import java.util.List;
import java.util.Objects;
import org.modelregistry.domain.identity.Identity;
import org.modelregistry.ports.in.identity.ListIdentitiesUseCase;
import org.modelregistry.ports.out.IdentityRepository;

/** Lists identities for administrators. */
public final class ListIdentitiesService implements ListIdentitiesUseCase {

  private final IdentityRepository identities;

  public ListIdentitiesService(IdentityRepository identities) {
    this.identities = Objects.requireNonNull(identities);
  }

  @Override
  public List<Identity> list(Identity caller) {
    AdminOnly.require(caller, "list identities");
    return identities.list();
  }
}
