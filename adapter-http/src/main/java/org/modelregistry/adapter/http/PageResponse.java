package org.modelregistry.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.function.Function;
import org.modelregistry.ports.paging.Page;
import org.modelregistry.ports.paging.PageCursor;

/**
 * The reference's paginated envelope, plus our documented extension {@code next_cursor}: present
 * only when another page follows in the default order.
 */
record PageResponse<T>(
    List<T> items,
    long totalItemCount,
    int currentPage,
    int itemsPerPage,
    @JsonInclude(JsonInclude.Include.NON_NULL) String nextCursor) {

  static <E, T> PageResponse<T> from(Page<E> page, Function<E, T> render) {
    return new PageResponse<>(
        page.items().stream().map(render).toList(),
        page.totalItemCount(),
        page.currentPage(),
        page.itemsPerPage(),
        page.nextCursor().map(PageCursor::encode).orElse(null));
  }
}
