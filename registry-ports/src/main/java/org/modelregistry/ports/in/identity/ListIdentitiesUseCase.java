package org.modelregistry.ports.in.identity;

import java.util.List;
import org.modelregistry.domain.identity.Identity;

/** Lists every identity; only administrators may. */
public interface ListIdentitiesUseCase {

  /**
   * Every identity, by id.
   *
   * @throws org.modelregistry.domain.error.ForbiddenException when {@code caller} is no
   *     administrator
   */
  List<Identity> list(Identity caller);
}
