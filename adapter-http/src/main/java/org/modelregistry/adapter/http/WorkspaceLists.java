package org.modelregistry.adapter.http;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.modelregistry.ports.in.workspace.EntitySort;
import org.modelregistry.ports.in.workspace.TextMatch;
import org.modelregistry.ports.paging.Page;

/**
 * What the workspace family's lists share: the {@code sort} values, {@code filter[...]} parameters
 * and the {@code {data, pagination, sort, filter}} envelope.
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

  /**
   * The {@code filter[key]=value} parameters (deepObject style), each an exact match; any other
   * {@code filter[...]} key, or one given twice, is a violation.
   */
  static Map<String, String> filters(Context ctx, QueryParams params, List<String> allowed) {
    Map<String, String> filter = new LinkedHashMap<>();
    ctx.queryParamMap()
        .forEach(
            (param, values) -> {
              if (!param.startsWith("filter[") || !param.endsWith("]")) {
                return;
              }
              String key = param.substring("filter[".length(), param.length() - 1);
              String shown = param.length() > 64 ? param.substring(0, 64) : param;
              if (!allowed.contains(key)) {
                params.reject(
                    shown, "value_error", "filter must name one of " + String.join(", ", allowed));
              } else if (values.size() != 1) {
                params.reject(shown, "value_error", shown + " may be given only once");
              } else {
                filter.put(key, values.getFirst());
              }
            });
    return filter;
  }

  static Optional<TextMatch> text(Map<String, String> filter, String key) {
    return Optional.ofNullable(filter.get(key)).map(TextMatch::equalTo);
  }

  /** The list envelope: the rendered items, the paging facts, and the sort and filter echoed. */
  static <T> Map<String, Object> envelope(
      Page<T> found,
      int page,
      int pageSize,
      Function<T, Object> render,
      String sort,
      Map<String, String> filter) {
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
