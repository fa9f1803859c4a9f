package org.modelregistry.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modelregistry.domain.testdata.TestModels.aModel;

import org.junit.jupiter.api.Test;
import org.modelregistry.domain.error.NotFoundException;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.testdata.TestTemplates;
import org.modelregistry.ports.out.memory.InMemoryRegistryStore;

class DeleteModelServiceTest {

  private static final Caller CALLER = Caller.trusted(TestTemplates.ALICE, false);

  private final InMemoryRegistryStore store = new InMemoryRegistryStore();
  private final DeleteModelService service = new DeleteModelService(store.models());

  @Test
  void givenAStoredModel_deleteModel_removesOnlyIt() {
    store.models().insert(aModel().withId("m-1").build());
    var other = aModel().withId("m-2").build();
    store.models().insert(other);

    service.deleteModel(CALLER, "m-1");

    assertThat(store.models().findById("m-1")).isEmpty();
    assertThat(store.models().findById("m-2")).contains(other);
  }

  @Test
  void givenAnUnknownId_deleteModel_failsWithNotFound() {
    assertThatThrownBy(() -> service.deleteModel(CALLER, "m-404"))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("model 'm-404' was not found");
  }

  @Test
  void givenAnAlreadyDeletedModel_deleteModel_failsWithNotFound() {
    store.models().insert(aModel().withId("m-1").build());
    service.deleteModel(CALLER, "m-1");

    assertThatThrownBy(() -> service.deleteModel(CALLER, "m-1"))
        .isInstanceOf(NotFoundException.class);
  }
}
