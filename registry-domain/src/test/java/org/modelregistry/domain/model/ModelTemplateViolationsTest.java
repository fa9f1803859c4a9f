package org.modelregistry.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modelregistry.domain.testdata.TestViolations.violation;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.modelregistry.domain.template.ModelType;
import org.modelregistry.domain.template.ParameterType;
import org.modelregistry.domain.template.Template;
import org.modelregistry.domain.testdata.TestTemplates;

class ModelTemplateViolationsTest {

  private final Template template =
      TestTemplates.aTemplate()
          .withModelType(ModelType.COMPLETION)
          .withCreationParameter("weights", ParameterType.STR, true)
          .build();

  @Test
  void givenUnreadableAccountAndType_templateViolations_stillChecksParameters() {
    assertThat(
            Model.templateViolations(
                null, null, template.id(), Map.of("zz", 1), Optional.of(template)))
        .extracting(v -> v.path(), v -> v.type())
        .containsExactlyInAnyOrder(
            violation("missing", "model_creation_parameters", "weights"),
            violation("extra_forbidden", "model_creation_parameters", "zz"));
  }

  @Test
  void givenOtherAccount_templateViolations_reportsUnknownTemplateOnly() {
    assertThat(
            Model.templateViolations(
                "other", ModelType.EMBEDDING, template.id(), null, Optional.of(template)))
        .extracting(v -> v.path(), v -> v.type())
        .containsExactly(violation("value_error", "model_template_id"));
  }

  @Test
  void givenMatchingModel_templateViolations_isEmpty() {
    assertThat(
            Model.templateViolations(
                template.accountId(),
                ModelType.COMPLETION,
                template.id(),
                Map.of("weights", "s3://w"),
                Optional.of(template)))
        .isEmpty();
  }
}
