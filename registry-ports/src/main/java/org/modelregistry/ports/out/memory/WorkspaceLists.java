package org.modelregistry.ports.out.memory;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.modelregistry.domain.workspace.EntityName;
import org.modelregistry.ports.in.workspace.EntitySort;
import org.modelregistry.ports.in.workspace.PageSlice;
import org.modelregistry.ports.in.workspace.TextMatch;
import org.modelregistry.ports.paging.Page;

/** Ordering and paging of workspace lists, shared by the in-memory repositories. */
final class WorkspaceLists {

  private WorkspaceLists() {}

  /**
   * {@link TextMatch#matches}, except that an absent value fails a non-empty {@code $in} instead of
   * throwing: {@code List.copyOf} lists refuse {@code contains(null)}.
   */
  static boolean matches(TextMatch match, String value) {
    if (value == null && !match.in().isEmpty()) {
      return false;
    }
    return match.matches(value);
  }

  /** The order {@code sort} asks for, ties by name ascending. */
  static <T> Comparator<T> order(
      EntitySort sort,
      Function<T, EntityName> name,
      Function<T, Instant> createdAt,
      Function<T, Instant> updatedAt) {
    Comparator<T> byName = Comparator.comparing(t -> name.apply(t).value());
    Comparator<T> primary =
        switch (sort.field()) {
          case NAME -> byName;
          case CREATED_AT -> Comparator.comparing(createdAt);
          case UPDATED_AT -> Comparator.comparing(updatedAt);
        };
    return (sort.descending() ? primary.reversed() : primary).thenComparing(byName);
  }

  /** The slice {@code page} of the sorted matches; no cursor. */
  static <T> Page<T> page(List<T> sorted, PageSlice page) {
    int from = (int) Math.min(page.offset(), sorted.size());
    int to = Math.min(from + page.pageSize(), sorted.size());
    return new Page<>(
        sorted.subList(from, to),
        sorted.size(),
        page.page(),
        page.pageSize(),
        java.util.Optional.empty());
  }
}
