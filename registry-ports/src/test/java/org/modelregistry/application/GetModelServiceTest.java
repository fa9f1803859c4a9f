package org.modelregistry.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modelregistry.domain.testdata.TestModels.aModel;

import org.junit.jupiter.api.Test;
import org.modelregistry.domain.error.NotFoundException;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.testdata.TestTemplates;
import org.modelregistry.ports.out.memory.InMemoryRegistryStore;

class GetModelServiceTest {

  private static final Caller CALLER = Caller.trusted(TestTemplates.ALICE, false);

  private final InMemoryRegistryStore store = new InMemoryRegistryStore();
  private final GetModelService service = new GetModelService(store.models());

  @Test
  void givenAStoredModel_getModel_returnsIt() {
    var model = aModel().withId("m-1").build();
    store.models().insert(model);

    assertThat(service.getModel(CALLER, "m-1")).isEqualTo(model);
  }

  @Test
  void givenAnUnknownId_getModel_failsWithNotFound() {
    store.models().insert(aModel().withId("m-1").build());

    assertThatThrownBy(() -> service.getModel(CALLER, "m-404"))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("model 'm-404' was not found");
  }
}
