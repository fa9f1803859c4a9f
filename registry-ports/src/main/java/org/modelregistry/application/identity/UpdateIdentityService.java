package org.modelregistry.application.identity;

import java.util.Objects;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.error.NotFoundException;
import org.modelregistry.domain.identity.Identity;
import org.modelregistry.domain.identity.IdentityPatch;
import org.modelregistry.ports.in.identity.UpdateIdentityUseCase;
import org.modelregistry.ports.out.IdentityRepository;
import org.modelregistry.ports.out.TransactionRunner;

/**
 * Changes identities for administrators. Reading, checking and writing share a transaction, so two
 * administrators demoting each other at once cannot leave the registry without one.
 */
public final class UpdateIdentityService implements UpdateIdentityUseCase {

  private final IdentityRepository identities;
  private final TransactionRunner transactions;

  public UpdateIdentityService(IdentityRepository identities, TransactionRunner transactions) {
    this.identities = Objects.requireNonNull(identities);
    this.transactions = Objects.requireNonNull(transactions);
  }

  @Override
  public Identity update(Identity caller, String id, IdentityPatch patch) {
    AdminOnly.require(caller, "change identities");
    Objects.requireNonNull(patch, "patch");
    return transactions.inTransaction(
        () -> {
          Identity current = identities.find(id).orElseThrow(() -> notFound(id));
          Identity changed = current.apply(patch);
          if (current.admin() && !changed.admin() && isLastAdmin()) {
            throw new ConflictException(
                "identity '" + id + "' is the last administrator and keeps the admin flag");
          }
          if (!identities.update(changed)) {
            throw notFound(id);
          }
          return changed;
        });
  }

  private boolean isLastAdmin() {
    return identities.list().stream().filter(Identity::admin).count() <= 1;
  }

  private static NotFoundException notFound(String id) {
    return NotFoundException.of("identity", id);
  }
}
