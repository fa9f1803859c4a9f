package org.modelregistry.ports.in;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.modelregistry.domain.error.Violations;
import org.modelregistry.domain.identity.AccountScope;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.template.ModelType;
import org.modelregistry.ports.paging.PageRequest;

/**
 * Which models to list: only those {@code viewer} may see ever match. Filters are optional and
 * combine with AND. Without {@code sort} the order is creation time then id; with it, those keys
 * follow as tie-breakers. Keyset cursors only work in the default order.
 */
public record ModelQuery(
    Caller viewer,
    Optional<String> accountId,
    Optional<ModelType> modelType,
    Optional<String> modelGroupId,
    List<ModelSort> sort,
    PageRequest page) {

  public ModelQuery {
    Objects.requireNonNull(viewer, "viewer");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(modelType, "modelType");
    Objects.requireNonNull(modelGroupId, "modelGroupId");
    sort = List.copyOf(sort);
    Objects.requireNonNull(page, "page");
    var violations = Violations.collect();
    violations.require(
        sort.isEmpty() || page.cursor().isEmpty(),
        "value_error",
        "cursor paging uses the default order and cannot be combined with sort_by",
        "sort_by");
    violations.throwIfAny();
  }

  /** The models the viewer may see; empty when it sees every account's. */
  public Optional<AccountScope> scope() {
    return viewer.accountScope();
  }
}
