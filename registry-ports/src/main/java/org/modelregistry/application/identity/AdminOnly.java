package org.modelregistry.application.identity;

import org.modelregistry.domain.error.ForbiddenException;
import org.modelregistry.domain.identity.Identity;

/** The one rule of the administrative operations: the caller is an administrator. */
final class AdminOnly {

  private AdminOnly() {}

  /** Returns quietly for an administrator; refuses anyone else, naming what was refused. */
  static void require(Identity caller, String operation) {
    if (!caller.admin()) {
      throw new ForbiddenException("only administrators may " + operation);
    }
  }

  /** Whether {@code caller} may act for {@code identityId}: it is that identity, or an admin. */
  static boolean actsFor(Identity caller, String identityId) {
    return caller.admin() || caller.id().equals(identityId);
  }
}
