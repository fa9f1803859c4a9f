package org.modelregistry.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modelregistry.domain.testdata.TestModels.aModel;
import static org.modelregistry.domain.testdata.TestTemplates.aTemplate;

import org.junit.jupiter.api.Test;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.error.NotFoundException;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.testdata.TestTemplates;
import org.modelregistry.ports.out.memory.InMemoryRegistryStore;

class DeleteTemplateServiceTest {

  private static final Caller CALLER = Caller.trusted(TestTemplates.ALICE, false);

  private final InMemoryRegistryStore store = new InMemoryRegistryStore();
  private final DeleteTemplateService service = new DeleteTemplateService(store.templates());

  @Test
  void givenAnUnusedTemplate_deleteTemplate_removesIt() {
    store.templates().insert(aTemplate().withId("t-1").build());

    service.deleteTemplate(CALLER, "t-1");

    assertThat(store.templates().findById("t-1")).isEmpty();
  }

  @Test
  void givenAnUnknownId_deleteTemplate_failsWithNotFound() {
    assertThatThrownBy(() -> service.deleteTemplate(CALLER, "t-404"))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("t-404");
  }

  @Test
  void givenAnAlreadyDeletedTemplate_deleteTemplate_failsWithNotFound() {
    store.templates().insert(aTemplate().withId("t-1").build());
    service.deleteTemplate(CALLER, "t-1");

    assertThatThrownBy(() -> service.deleteTemplate(CALLER, "t-1"))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void givenATemplateInUse_deleteTemplate_failsWithConflictAndKeepsIt() {
    var template = aTemplate().withId("t-1").build();
    store.templates().insert(template);
    store.models().insert(aModel().fromTemplate(template).build());

    assertThatThrownBy(() -> service.deleteTemplate(CALLER, "t-1"))
        .isInstanceOf(ConflictException.class);
    assertThat(store.templates().findById("t-1")).contains(template);
  }

  @Test
  void givenTheLastModelUsingItWasDeleted_deleteTemplate_removesIt() {
    var template = aTemplate().withId("t-1").build();
    store.templates().insert(template);
    var model = aModel().withId("m-1").fromTemplate(template).build();
    store.models().insert(model);
    new DeleteModelService(store.models()).deleteModel(CALLER, "m-1");

    service.deleteTemplate(CALLER, "t-1");

    assertThat(store.templates().findById("t-1")).isEmpty();
  }
}
