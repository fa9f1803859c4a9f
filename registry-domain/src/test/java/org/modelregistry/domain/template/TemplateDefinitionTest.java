package org.modelregistry.domain.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modelregistry.domain.testdata.TestViolations.violation;
import static org.modelregistry.domain.testdata.TestViolations.violationsOf;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.modelregistry.domain.error.Violation;
import org.modelregistry.domain.naming.ResourceName;
import org.modelregistry.domain.testdata.TestTemplates;

class TemplateDefinitionTest {

  private static final VendorConfiguration VENDOR =
      VendorConfiguration.launch(BundleConfig.of("r", "i", "t"));

  private static TemplateDefinition withAccount(String accountId) {
    return new TemplateDefinition(
        accountId,
        new ResourceName("t"),
        EndpointType.SYNC,
        ModelType.COMPLETION,
        VENDOR,
        null,
        null,
        null);
  }

  @Test
  void givenEveryRequiredField_create_keepsThem() {
    var definition = withAccount("acct-1");

    assertThat(definition.accountId()).isEqualTo("acct-1");
    assertThat(definition.name()).isEqualTo(new ResourceName("t"));
    assertThat(definition.endpointType()).isEqualTo(EndpointType.SYNC);
    assertThat(definition.modelType()).isEqualTo(ModelType.COMPLETION);
    assertThat(definition.vendorConfiguration()).isEqualTo(VENDOR);
    assertThat(definition.endpointProtocol()).isNull();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", "\t\n"})
  void givenNoAccountId_create_rejectsAtAccountId(String accountId) {
    String expectedType = accountId == null ? "missing" : "string_too_short";
    assertThat(violationsOf(() -> withAccount(accountId)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation(expectedType, "account_id"));
  }

  @Test
  void givenAnAccountIdOver255Characters_create_rejectsAsTooLong() {
    assertThat(violationsOf(() -> withAccount("a".repeat(256))))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("string_too_long", "account_id"));
  }

  @Test
  void givenAnAccountIdOf255Characters_create_accepts() {
    assertThat(withAccount("a".repeat(255)).accountId()).hasSize(255);
  }

  @Test
  void givenNoRequiredFieldAtAll_create_reportsEveryOneTogether() {
    assertThat(
            violationsOf(
                () -> new TemplateDefinition(null, null, null, null, null, null, null, null)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("missing", "account_id"),
            violation("missing", "name"),
            violation("missing", "endpoint_type"),
            violation("missing", "model_type"),
            violation("missing", "vendor_configuration"));
  }

  @Test
  void givenNoParameterSchemas_orEmpty_returnsEmptySchemas() {
    var definition = withAccount("acct");

    assertThat(definition.modelCreationParametersSchema()).isNull();
    assertThat(definition.modelRequestParametersSchema()).isNull();
    assertThat(definition.creationSchemaOrEmpty()).isEqualTo(ParameterSchema.empty());
    assertThat(definition.requestSchemaOrEmpty()).isEqualTo(ParameterSchema.empty());
  }

  @Test
  void givenParameterSchemas_orEmpty_returnsThem() {
    var definition =
        TestTemplates.aTemplate()
            .withCreationParameter("weights", ParameterType.STR, true)
            .withRequestParameter("temperature", ParameterType.FLOAT, false)
            .definition();

    assertThat(definition.creationSchemaOrEmpty().parameters())
        .extracting(ParameterField::name)
        .containsExactly("weights");
    assertThat(definition.requestSchemaOrEmpty().parameters())
        .extracting(ParameterField::name)
        .isEqualTo(List.of("temperature"));
  }
}
