package org.modelregistry.ports.paging;

import java.util.Objects;
import java.util.Optional;
import org.modelregistry.domain.error.Violations;

/**
 * Which slice of a list to return: a 1-based page of {@code limit} items, or, when a cursor is
 * given, the {@code limit} items after it (keyset paging, which stays fast deep into a list).
 */
public record PageRequest(int page, int limit, Optional<PageCursor> cursor) {

  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 10_000;

  public PageRequest {
    Objects.requireNonNull(cursor, "cursor");
    var violations = Violations.collect();
    violations.require(page >= 1, "greater_than_equal", "page must be at least 1", "page");
    violations.require(
        limit >= 1 && limit <= MAX_LIMIT,
        "less_than_equal",
        "limit must be between 1 and " + MAX_LIMIT,
        "limit");
    violations.require(
        cursor.isEmpty() || page == 1,
        "value_error",
        "page cannot be combined with cursor",
        "page");
    violations.throwIfAny();
  }

  public static PageRequest first(int limit) {
    return new PageRequest(1, limit, Optional.empty());
  }

  public static PageRequest after(PageCursor cursor, int limit) {
    return new PageRequest(1, limit, Optional.of(cursor));
  }

  /** Rows to skip in page-number mode. */
  public long offset() {
    return cursor.isPresent() ? 0 : (long) (page - 1) * limit;
  }
}
