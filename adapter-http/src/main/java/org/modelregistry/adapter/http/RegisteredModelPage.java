package org.modelregistry.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.modelregistry.domain.registration.RegisteredModel;
import org.modelregistry.domain.registration.RegistrationDocuments;
import org.modelregistry.ports.paging.Page;
import org.modelregistry.ports.paging.PageCursor;

/**
 * The registration family's list envelope: public documents of the versions, newest first, the
 * total count, the page and limit asked for, and {@code next_cursor} only when more follow.
 */
record RegisteredModelPage(
    List<Map<String, Object>> models,
    long total,
    int page,
    int limit,
    @JsonInclude(JsonInclude.Include.NON_NULL) String nextCursor) {

  static RegisteredModelPage from(Page<RegisteredModel> page) {
    return new RegisteredModelPage(
        page.items().stream().map(RegistrationDocuments::writePublic).toList(),
        page.totalItemCount(),
        page.currentPage(),
        page.itemsPerPage(),
        page.nextCursor().map(PageCursor::encode).orElse(null));
  }
}
