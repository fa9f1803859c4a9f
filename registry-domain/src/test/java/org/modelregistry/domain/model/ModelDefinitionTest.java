package org.modelregistry.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.modelregistry.domain.testdata.TestViolations.violation;
import static org.modelregistry.domain.testdata.TestViolations.violationsOf;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.modelregistry.domain.error.Violation;
import org.modelregistry.domain.naming.ResourceName;
import org.modelregistry.domain.template.ModelType;

class ModelDefinitionTest {

  /** A valid definition with one text field set to {@code value}. */
  private static ModelDefinition withText(String field, String value) {
    return new ModelDefinition(
        field.equals("account_id") ? value : "acct",
        new ResourceName("m"),
        field.equals("display_name") ? value : null,
        field.equals("description") ? value : null,
        null,
        ModelType.COMPLETION,
        field.equals("base_model_id") ? value : null,
        null,
        null,
        field.equals("model_card") ? value : null,
        field.equals("training_data_card") ? value : null,
        field.equals("model_template_id") ? value : null,
        field.equals("model_group_id") ? value : null);
  }

  private static ModelDefinition withParameters(Map<String, Object> parameters) {
    return new ModelDefinition(
        "acct",
        new ResourceName("m"),
        null,
        null,
        null,
        ModelType.COMPLETION,
        null,
        null,
        parameters,
        null,
        null,
        null,
        null);
  }

  static Stream<Arguments> textLimits() {
    return Stream.of(
        arguments("display_name", 255),
        arguments("description", 1000),
        arguments("model_card", 100_000),
        arguments("training_data_card", 100_000),
        arguments("base_model_id", 255),
        arguments("model_template_id", 255),
        arguments("model_group_id", 255),
        arguments("account_id", 255));
  }

  @ParameterizedTest(name = "{0} up to {1}")
  @MethodSource("textLimits")
  void givenTextAtItsLimit_create_accepts(String field, int limit) {
    var definition = withText(field, "x".repeat(limit));

    assertThat(definition).isNotNull();
  }

  @ParameterizedTest(name = "{0} over {1}")
  @MethodSource("textLimits")
  void givenTextOneOverItsLimit_create_rejectsAtThatField(String field, int limit) {
    assertThat(violationsOf(() -> withText(field, "x".repeat(limit + 1))))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("string_too_long", field));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  ", "\t"})
  void givenABlankAccountId_create_rejectsAtAccountId(String accountId) {
    String expectedType = accountId == null ? "missing" : "string_too_short";
    assertThat(violationsOf(() -> withText("account_id", accountId)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation(expectedType, "account_id"));
  }

  @Test
  void givenOnlyTheRequiredFields_create_leavesTheRestAbsent() {
    var definition = withText("none", null);

    assertThat(definition.displayName()).isNull();
    assertThat(definition.modelCreationParameters()).isNull();
    assertThat(definition.creationParametersOrEmpty()).isEmpty();
  }

  @Test
  void givenEveryRequiredFieldMissingAndTextTooLong_create_reportsAllTogether() {
    assertThat(
            violationsOf(
                () ->
                    new ModelDefinition(
                        " ",
                        null,
                        "x".repeat(256),
                        "x".repeat(1001),
                        null,
                        null,
                        null,
                        null,
                        null,
                        "x".repeat(100_001),
                        null,
                        null,
                        "x".repeat(256))))
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("string_too_short", "account_id"),
            violation("missing", "name"),
            violation("missing", "model_type"),
            violation("string_too_long", "display_name"),
            violation("string_too_long", "description"),
            violation("string_too_long", "model_card"),
            violation("string_too_long", "model_group_id"));
  }

  @Test
  void givenAnEmptyParameterMap_create_treatsItAsNone() {
    var definition = withParameters(Map.of());

    assertThat(definition.modelCreationParameters()).isNull();
    assertThat(definition).isEqualTo(withParameters(null));
  }

  @Test
  void givenParameters_create_keepsTheirInsertionOrderInAnUnmodifiableCopy() {
    var parameters = new LinkedHashMap<String, Object>();
    parameters.put("z", 1);
    parameters.put("a", "two");
    parameters.put("m", null);
    var definition = withParameters(parameters);

    parameters.put("late", true);

    assertThat(definition.modelCreationParameters().keySet()).containsExactly("z", "a", "m");
    assertThat(definition.creationParametersOrEmpty()).containsEntry("m", null);
    assertThatThrownBy(() -> definition.modelCreationParameters().put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void givenEqualParametersInAnotherMapType_equals_isTrue() {
    var hashed = new HashMap<String, Object>(Map.of("a", 1, "b", "x"));

    assertThat(withParameters(hashed)).isEqualTo(withParameters(Map.of("b", "x", "a", 1)));
  }
}
