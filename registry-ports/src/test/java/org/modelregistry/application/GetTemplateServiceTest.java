package org.modelregistry.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modelregistry.domain.testdata.TestTemplates.aTemplate;

import org.junit.jupiter.api.Test;
import org.modelregistry.domain.error.NotFoundException;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.testdata.TestTemplates;
import org.modelregistry.ports.out.memory.InMemoryRegistryStore;

class GetTemplateServiceTest {

  private static final Caller CALLER = Caller.trusted(TestTemplates.ALICE, false);

  private final InMemoryRegistryStore store = new InMemoryRegistryStore();
  private final GetTemplateService service = new GetTemplateService(store.templates());

  @Test
  void givenAStoredTemplate_getTemplate_returnsIt() {
    var template = aTemplate().withId("t-1").build();
    store.templates().insert(template);

    assertThat(service.getTemplate(CALLER, "t-1")).isEqualTo(template);
  }

  @Test
  void givenAnUnknownId_getTemplate_failsWithNotFound() {
    store.templates().insert(aTemplate().withId("t-1").build());

    assertThatThrownBy(() -> service.getTemplate(CALLER, "t-404"))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("model template 't-404' was not found");
  }
}
