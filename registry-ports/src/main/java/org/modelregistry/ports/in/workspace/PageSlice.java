package org.modelregistry.ports.in.workspace;

import org.modelregistry.domain.error.Violations;

/**
 * A page of a workspace list in the reference's terms: 1-based {@code page} of {@code pageSize}
 * items (default 100, at most 1000).
 */
public record PageSlice(int page, int pageSize) {

  public static final int DEFAULT_PAGE_SIZE = 100;
  public static final int MAX_PAGE_SIZE = 1000;
  public static final PageSlice FIRST = new PageSlice(1, DEFAULT_PAGE_SIZE);

  public PageSlice {
    var violations = Violations.collect();
    violations.require(page >= 1, "greater_than_equal", "page must be at least 1", "page");
    violations.require(
        pageSize >= 1 && pageSize <= MAX_PAGE_SIZE,
        "less_than_equal",
        "page_size must be between 1 and " + MAX_PAGE_SIZE,
        "page_size");
    violations.throwIfAny();
  }

  /** Items to skip. */
  public long offset() {
    return (long) (page - 1) * pageSize;
  }
}
