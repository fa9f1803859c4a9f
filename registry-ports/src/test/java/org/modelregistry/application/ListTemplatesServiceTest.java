package org.modelregistry.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modelregistry.domain.testdata.TestTemplates.aTemplate;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.template.Template;
import org.modelregistry.domain.testdata.TestTemplates;
import org.modelregistry.ports.in.TemplateQuery;
import org.modelregistry.ports.out.memory.InMemoryRegistryStore;
import org.modelregistry.ports.paging.PageCursor;
import org.modelregistry.ports.paging.PageRequest;

class ListTemplatesServiceTest {

  private static final Caller CALLER = Caller.trusted(TestTemplates.ALICE, false);

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private final InMemoryRegistryStore store = new InMemoryRegistryStore();
  private final ListTemplatesService service = new ListTemplatesService(store.templates());

  @BeforeEach
  void storeTemplates() {
    // inserted out of creation order on purpose
    store.templates().insert(template("t-3", "acct-a", 3));
    store.templates().insert(template("t-1", "acct-a", 1));
    store.templates().insert(template("t-2", "acct-b", 2));
    store.templates().insert(template("t-4", "acct-a", 4));
  }

  private static Template template(String id, String account, int minute) {
    return aTemplate()
        .withId(id)
        .withAccountId(account)
        .createdAt(T0.plusSeconds(60L * minute))
        .build();
  }

  @Test
  void givenNoFilter_listTemplates_returnsAllOldestFirst() {
    var page =
        service.listTemplates(new TemplateQuery(CALLER, Optional.empty(), PageRequest.first(100)));

    assertThat(page.items()).extracting(Template::id).containsExactly("t-1", "t-2", "t-3", "t-4");
    assertThat(page.totalItemCount()).isEqualTo(4);
    assertThat(page.currentPage()).isEqualTo(1);
    assertThat(page.itemsPerPage()).isEqualTo(100);
    assertThat(page.nextCursor()).isEmpty();
  }

  @Test
  void givenAnAccountFilter_listTemplates_returnsOnlyThatAccountsTemplates() {
    var page =
        service.listTemplates(
            new TemplateQuery(CALLER, Optional.of("acct-a"), PageRequest.first(100)));

    assertThat(page.items()).extracting(Template::id).containsExactly("t-1", "t-3", "t-4");
    assertThat(page.totalItemCount()).isEqualTo(3);
  }

  @Test
  void givenAPageNumber_listTemplates_returnsThatPage() {
    var page =
        service.listTemplates(
            new TemplateQuery(CALLER, Optional.empty(), new PageRequest(2, 3, Optional.empty())));

    assertThat(page.items()).extracting(Template::id).containsExactly("t-4");
    assertThat(page.totalItemCount()).isEqualTo(4);
    assertThat(page.currentPage()).isEqualTo(2);
  }

  @Test
  void givenTheNextCursor_listTemplates_continuesAfterIt() {
    var first =
        service.listTemplates(new TemplateQuery(CALLER, Optional.empty(), PageRequest.first(2)));
    PageCursor next = first.nextCursor().orElseThrow();

    var second =
        service.listTemplates(
            new TemplateQuery(CALLER, Optional.empty(), PageRequest.after(next, 2)));

    assertThat(first.items()).extracting(Template::id).containsExactly("t-1", "t-2");
    assertThat(second.items()).extracting(Template::id).containsExactly("t-3", "t-4");
    assertThat(second.nextCursor()).isEmpty();
  }

  @Test
  void givenAnAccountWithoutTemplates_listTemplates_returnsAnEmptyPage() {
    var page =
        service.listTemplates(
            new TemplateQuery(CALLER, Optional.of("acct-z"), PageRequest.first(10)));

    assertThat(page.items()).isEmpty();
    assertThat(page.totalItemCount()).isZero();
  }
}
