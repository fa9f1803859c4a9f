package org.modelregistry.domain.identity;

import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The account-scoped resources (templates and the models made from them) one caller may see: those
 * of the accounts it belongs to, and those it created itself (it stays their owner after leaving
 * the account). Repositories apply the same rule in their queries, so lists and pages never hold
 * anything else.
 *
 * @param accounts the accounts whose resources it sees
 * @param creatorId whose creations it sees in any account; empty for an anonymous caller
 */
public record AccountScope(Set<String> accounts, Optional<String> creatorId) {

  public AccountScope {
    accounts = Collections.unmodifiableSortedSet(new TreeSet<>(accounts));
    Objects.requireNonNull(creatorId, "creatorId");
  }

  /** Whether a resource of {@code accountId} created by {@code createdBy} lies in this scope. */
  public boolean includes(String accountId, Actor createdBy) {
    return accounts.contains(accountId)
        || creatorId.map(id -> id.equals(createdBy.userId())).orElse(false);
  }
}
