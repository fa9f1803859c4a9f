package org.modelregistry.ports.in;

import java.util.Objects;
import java.util.Optional;
import org.modelregistry.domain.identity.AccountScope;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.ports.paging.PageRequest;

/**
 * Which templates to list: those {@code viewer} may see, optionally only one account's, a page at a
 * time, oldest first.
 */
public record TemplateQuery(Caller viewer, Optional<String> accountId, PageRequest page) {
  public TemplateQuery {
    Objects.requireNonNull(viewer, "viewer");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(page, "page");
  }

  /** The templates the viewer may see; empty when it sees every account's. */
  public Optional<AccountScope> scope() {
    return viewer.accountScope();
  }
}
