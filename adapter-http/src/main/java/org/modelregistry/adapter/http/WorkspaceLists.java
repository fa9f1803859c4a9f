package org.modelregistry.adapter.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.modelregistry.ports.in.workspace.EntitySort;
import org.modelregistry.ports.paging.Page;

/**
 * What the workspace family's lists share: the {@code sort} values and the {@code {data,
 * pagination, sort, filter}} envelope; {@link WorkspaceFilters} reads their {@code filter[...]}
 * parameters.
 */
final class WorkspaceLists {

  private WorkspaceLists() {}

  /** The wire {@code sort} values of {@code fields}: {@code name} and {@code -name}, and so on. */
  static Map<String, EntitySort> sorts(EntitySort.Field... fields) {
    Map<String, EntitySort> sorts = new LinkedHashMap<>();
    for (EntitySort.Field field : fields) {
      String wire = field.name().toLowerCase(Locale.ROOT);
      sorts.put(wire, new EntitySort(field, false));
      sorts.put("-" + wire, new EntitySort(field, true));
    }
    return Map.copyOf(sorts);
  }

  /** An empty page, for a filter that no item can pass. */
  static <T> Page<T> none(int page, int pageSize) {
    return new Page<>(List.of(), 0, page, pageSize, Optional.empty());
  }

  /** The list envelope: the rendered items, the paging facts, and the sort and filter echoed. */
  static <T> Map<String, Object> envelope(
      Page<T> found,
      int page,
      int pageSize,
      Function<T, Object> render,
      String sort,
      Map<String, Object> filter) {
    Map<String, Object> pagination = new LinkedHashMap<>();
    pagination.put("page", page);
    pagination.put("page_size", pageSize);
    pagination.put("current_page_size", found.items().size());
    pagination.put("total_pages", (found.totalItemCount() + pageSize - 1) / pageSize);
    pagination.put("total_results", found.totalItemCount());
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("data", found.items().stream().map(render).toList());
    envelope.put("pagination", pagination);
    envelope.put("sort", sort);
    envelope.put("filter", filter);
    return envelope;
  }
}
