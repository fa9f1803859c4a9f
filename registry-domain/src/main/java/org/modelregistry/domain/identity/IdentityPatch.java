package org.modelregistry.domain.identity;

import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/**
 * A partial update of an identity: every null field keeps its value; a given membership set
 * replaces the old one whole. Id, type and creation time never change.
 */
public record IdentityPatch(
    String displayName, Set<String> accounts, Set<String> workspaces, Boolean admin) {

  /** A patch that changes nothing. */
  public static final IdentityPatch NONE = new IdentityPatch(null, null, null, null);

  public IdentityPatch {
    // Copied, so the caller cannot change it later; null names are the identity's to reject.
    accounts = accounts == null ? null : Collections.unmodifiableSet(new HashSet<>(accounts));
    workspaces = workspaces == null ? null : Collections.unmodifiableSet(new HashSet<>(workspaces));
  }

  /** Whether it would change the admin flag to {@code false}. */
  public boolean revokesAdmin() {
    return Boolean.FALSE.equals(admin);
  }
}
