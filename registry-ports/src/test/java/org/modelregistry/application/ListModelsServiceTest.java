package org.modelregistry.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modelregistry.domain.testdata.TestModels.aModel;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.model.Model;
import org.modelregistry.domain.template.ModelType;
import org.modelregistry.domain.testdata.TestTemplates;
import org.modelregistry.ports.in.ModelQuery;
import org.modelregistry.ports.in.ModelSort;
import org.modelregistry.ports.in.ModelSortField;
import org.modelregistry.ports.out.memory.InMemoryRegistryStore;
import org.modelregistry.ports.paging.PageRequest;
import org.modelregistry.ports.paging.SortDirection;

class ListModelsServiceTest {

  private static final Caller CALLER = Caller.trusted(TestTemplates.ALICE, false);

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private final InMemoryRegistryStore store = new InMemoryRegistryStore();
  private final ListModelsService service = new ListModelsService(store.models());

  @BeforeEach
  void storeModels() {
    store.models().insert(model("m-3", "acct-a", "charlie", ModelType.EMBEDDING, "g-1", 3));
    store.models().insert(model("m-1", "acct-a", "alpha", ModelType.COMPLETION, "g-1", 1));
    store.models().insert(model("m-2", "acct-b", "bravo", ModelType.COMPLETION, null, 2));
    store.models().insert(model("m-4", "acct-a", "delta", ModelType.COMPLETION, "g-2", 4));
  }

  private static Model model(
      String id, String account, String name, ModelType type, String group, int minute) {
    return aModel()
        .withId(id)
        .withAccountId(account)
        .withName(name)
        .withModelType(type)
        .withModelGroupId(group)
        .createdAt(T0.plusSeconds(60L * minute))
        .build();
  }

  private static ModelQuery query(
      String account, ModelType type, String group, List<ModelSort> sort, PageRequest page) {
    return new ModelQuery(
        CALLER,
        Optional.ofNullable(account),
        Optional.ofNullable(type),
        Optional.ofNullable(group),
        sort,
        page);
  }

  private List<String> ids(ModelQuery query) {
    return service.listModels(query).items().stream().map(Model::id).toList();
  }

  @Test
  void givenNoFilter_listModels_returnsAllInCreationOrder() {
    var page = service.listModels(query(null, null, null, List.of(), PageRequest.first(100)));

    assertThat(page.items()).extracting(Model::id).containsExactly("m-1", "m-2", "m-3", "m-4");
    assertThat(page.totalItemCount()).isEqualTo(4);
    assertThat(page.nextCursor()).isEmpty();
  }

  @Test
  void givenAnAccountFilter_listModels_returnsOnlyThatAccount() {
    assertThat(ids(query("acct-a", null, null, List.of(), PageRequest.first(100))))
        .containsExactly("m-1", "m-3", "m-4");
  }

  @Test
  void givenAModelTypeFilter_listModels_returnsOnlyThatType() {
    assertThat(ids(query(null, ModelType.COMPLETION, null, List.of(), PageRequest.first(100))))
        .containsExactly("m-1", "m-2", "m-4");
  }

  @Test
  void givenAGroupFilter_listModels_returnsOnlyThatGroup() {
    assertThat(ids(query(null, null, "g-1", List.of(), PageRequest.first(100))))
        .containsExactly("m-1", "m-3");
  }

  @Test
  void givenSeveralFilters_listModels_combinesThemWithAnd() {
    assertThat(ids(query("acct-a", ModelType.COMPLETION, "g-2", List.of(), PageRequest.first(100))))
        .containsExactly("m-4");
  }

  @Test
  void givenASort_listModels_ordersByIt() {
    var byNameDesc = List.of(new ModelSort(ModelSortField.NAME, SortDirection.DESC));

    assertThat(ids(query(null, null, null, byNameDesc, PageRequest.first(100))))
        .containsExactly("m-4", "m-3", "m-2", "m-1");
  }

  @Test
  void givenAPageNumber_listModels_returnsThatPageWithTheTotal() {
    var page =
        service.listModels(
            query("acct-a", null, null, List.of(), new PageRequest(2, 2, Optional.empty())));

    assertThat(page.items()).extracting(Model::id).containsExactly("m-4");
    assertThat(page.totalItemCount()).isEqualTo(3);
    assertThat(page.currentPage()).isEqualTo(2);
    assertThat(page.itemsPerPage()).isEqualTo(2);
  }

  @Test
  void givenTheNextCursor_listModels_continuesAfterIt() {
    var first = service.listModels(query(null, null, null, List.of(), PageRequest.first(3)));

    var second =
        service.listModels(
            query(
                null,
                null,
                null,
                List.of(),
                PageRequest.after(first.nextCursor().orElseThrow(), 3)));

    assertThat(first.items()).extracting(Model::id).containsExactly("m-1", "m-2", "m-3");
    assertThat(second.items()).extracting(Model::id).containsExactly("m-4");
    assertThat(second.nextCursor()).isEmpty();
  }
}
