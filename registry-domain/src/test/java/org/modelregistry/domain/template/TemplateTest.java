package org.modelregistry.domain.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.modelregistry.domain.identity.Actor;
import org.modelregistry.domain.identity.IdentityType;
import org.modelregistry.domain.testdata.TestTemplates;

class TemplateTest {

  private static final Instant NOW = Instant.parse("2026-02-03T04:05:06Z");

  @Test
  void givenADefinition_create_stampsIdTimeAndCreator() {
    var definition = TestTemplates.aTemplate().withModelType(ModelType.EMBEDDING).definition();
    var bob = new Actor("bob", IdentityType.SERVICE_ACCOUNT);

    var template = Template.create("t-1", definition, bob, NOW);

    assertThat(template.id()).isEqualTo("t-1");
    assertThat(template.definition()).isEqualTo(definition);
    assertThat(template.createdAt()).isEqualTo(NOW);
    assertThat(template.createdBy()).isEqualTo(bob);
    assertThat(template.accountId()).isEqualTo(definition.accountId());
    assertThat(template.modelType()).isEqualTo(ModelType.EMBEDDING);
  }

  @Test
  void givenTheSameState_reconstitute_equalsTheCreatedTemplate() {
    var definition = TestTemplates.aTemplate().definition();

    assertThat(Template.reconstitute("t-1", definition, NOW, TestTemplates.ALICE))
        .isEqualTo(Template.create("t-1", definition, TestTemplates.ALICE, NOW));
  }

  @Test
  void givenADifferentCreationTime_equals_isFalse() {
    var definition = TestTemplates.aTemplate().definition();

    assertThat(Template.reconstitute("t-1", definition, NOW, TestTemplates.ALICE))
        .isNotEqualTo(
            Template.reconstitute("t-1", definition, NOW.plusSeconds(1), TestTemplates.ALICE));
  }

  @Test
  void givenAMissingPart_create_isRefused() {
    var definition = TestTemplates.aTemplate().definition();

    assertThatThrownBy(() -> Template.create(null, definition, TestTemplates.ALICE, NOW))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Template.create("t", null, TestTemplates.ALICE, NOW))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Template.create("t", definition, null, NOW))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Template.create("t", definition, TestTemplates.ALICE, null))
        .isInstanceOf(NullPointerException.class);
  }
}
