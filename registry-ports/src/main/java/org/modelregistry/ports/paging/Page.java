package org.modelregistry.ports.paging;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a list: its items, how many match in all, which page it is, the page size, and the
 * cursor of the next page when there is one.
 */
public record Page<T>(
    List<T> items,
    long totalItemCount,
    int currentPage,
    int itemsPerPage,
    Optional<PageCursor> nextCursor) {

  public Page {
    items = List.copyOf(items);
    Objects.requireNonNull(nextCursor, "nextCursor");
  }

  /** Page {@code currentPage} of a list that has no items. */
  public static <T> Page<T> empty(int currentPage, int itemsPerPage) {
    return new Page<>(List.of(), 0, currentPage, itemsPerPage, Optional.empty());
  }

  public <R> Page<R> map(Function<T, R> mapper) {
    return new Page<>(
        items.stream().map(mapper).toList(), totalItemCount, currentPage, itemsPerPage, nextCursor);
  }
}
