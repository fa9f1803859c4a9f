package org.modelregistry.ports.in;

import java.util.Objects;
import java.util.Optional;
import org.modelregistry.ports.paging.PageRequest;

/** Which templates to list: optionally one account's, a page at a time, oldest first. */
public record TemplateQuery(Optional<String> accountId, PageRequest page) {
  public TemplateQuery {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(page, "page");
  }
}
