package org.modelregistry.domain.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modelregistry.domain.template.ParameterType.BOOL;
import static org.modelregistry.domain.template.ParameterType.FLOAT;
import static org.modelregistry.domain.template.ParameterType.INT;
import static org.modelregistry.domain.template.ParameterType.STR;
import static org.modelregistry.domain.testdata.TestViolations.violation;
import static org.modelregistry.domain.testdata.TestViolations.violationsOf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.modelregistry.domain.error.Violation;

class ParameterSchemaTest {

  private static ParameterField required(String name, ParameterType type) {
    return new ParameterField(name, type, "the " + name, true);
  }

  private static ParameterField optional(String name, ParameterType type) {
    return new ParameterField(name, type, "the " + name, false);
  }

  private static Map<String, Object> values(Object... namesAndValues) {
    var values = new LinkedHashMap<String, Object>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      values.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return values;
  }

  // --- ParameterField

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", "\t"})
  void givenNoParameterName_createField_rejectsAtName(String name) {
    assertThat(violationsOf(() -> new ParameterField(name, STR, "d", true)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("string_too_short", "name"));
  }

  @Test
  void givenAllParts_createField_keepsThem() {
    var field = new ParameterField("temperature", FLOAT, "sampling temperature", false);

    assertThat(field.name()).isEqualTo("temperature");
    assertThat(field.type()).isEqualTo(FLOAT);
    assertThat(field.description()).isEqualTo("sampling temperature");
    assertThat(field.required()).isFalse();
  }

  @Test
  void givenNoTypeOrDescription_createField_isRefused() {
    assertThatThrownBy(() -> new ParameterField("a", null, "d", true))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new ParameterField("a", STR, null, true))
        .isInstanceOf(NullPointerException.class);
  }

  // --- schema construction

  @Test
  void givenUniqueNames_create_keepsTheParametersInOrder() {
    var schema = new ParameterSchema(List.of(required("b", INT), optional("a", STR)));

    assertThat(schema.parameters()).extracting(ParameterField::name).containsExactly("b", "a");
  }

  @Test
  void givenADuplicateName_create_rejectsAtTheSecondDeclarationsName() {
    assertThat(
            violationsOf(
                () ->
                    new ParameterSchema(
                        List.of(required("a", INT), optional("b", STR), optional("a", BOOL)))))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("value_error", "parameters", 2, "name"));
  }

  @Test
  void givenSeveralDuplicates_create_reportsEachRepeatedDeclaration() {
    assertThat(
            violationsOf(
                () ->
                    new ParameterSchema(
                        List.of(
                            required("a", INT),
                            required("b", INT),
                            required("a", INT),
                            required("b", INT),
                            required("a", INT)))))
        .extracting(Violation::path)
        .containsExactly(
            List.of("parameters", 2, "name"),
            List.of("parameters", 3, "name"),
            List.of("parameters", 4, "name"));
  }

  @Test
  void givenAMutableList_create_copiesIt() {
    var fields = new ArrayList<>(List.of(required("a", INT)));
    var schema = new ParameterSchema(fields);

    fields.add(required("b", INT));

    assertThat(schema.parameters()).hasSize(1);
    assertThatThrownBy(() -> schema.parameters().add(required("c", INT)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void givenEmpty_create_hasNoParameters() {
    assertThat(ParameterSchema.empty().parameters()).isEmpty();
    assertThat(ParameterSchema.empty()).isEqualTo(new ParameterSchema(List.of()));
  }

  // --- check(values)

  @Test
  void givenValuesThatFit_check_findsNothing() {
    var schema =
        new ParameterSchema(
            List.of(
                required("s", STR), required("i", INT), required("f", FLOAT), optional("b", BOOL)));

    assertThat(schema.check(values("s", "x", "i", 3, "f", 0.5, "b", true))).isEmpty();
  }

  @Test
  void givenARequiredParameterAbsent_check_reportsMissingAtItsName() {
    var schema = new ParameterSchema(List.of(required("model_path", STR)));

    assertThat(schema.check(values()))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("missing", "model_path"));
  }

  @Test
  void givenARequiredParameterNull_check_reportsItMissing() {
    var schema = new ParameterSchema(List.of(required("model_path", STR)));

    assertThat(schema.check(values("model_path", null)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("missing", "model_path"));
  }

  @Test
  void givenAnOptionalParameterAbsentOrNull_check_findsNothing() {
    var schema = new ParameterSchema(List.of(optional("a", STR), optional("b", INT)));

    assertThat(schema.check(values("b", null))).isEmpty();
  }

  @Test
  void givenAnUndeclaredParameter_check_reportsExtraForbiddenAtItsName() {
    var schema = new ParameterSchema(List.of(optional("a", STR)));

    assertThat(schema.check(values("a", "x", "surprise", 1)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("extra_forbidden", "surprise"));
  }

  @Test
  void givenAnyValueForAnEmptySchema_check_reportsItExtra() {
    assertThat(ParameterSchema.empty().check(values("a", 1)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("extra_forbidden", "a"));
  }

  @ParameterizedTest
  @CsvSource({"STR, string_type", "INT, int_type", "FLOAT, float_type", "BOOL, bool_type"})
  void givenAValueOfTheWrongType_check_reportsTheTypeSpecificViolation(
      ParameterType type, String violationType) {
    var schema = new ParameterSchema(List.of(required("p", type)));
    Object wrong = type == STR ? 42 : "not-" + type.wireValue();

    var violations = schema.check(values("p", wrong));

    assertThat(violations)
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation(violationType, "p"));
    assertThat(violations.get(0).message()).contains("p").contains(type.wireValue());
  }

  @Test
  void givenAFractionalNumberForAnInt_check_reportsIntType() {
    var schema = new ParameterSchema(List.of(optional("n", INT)));

    assertThat(schema.check(values("n", 1.5)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("int_type", "n"));
  }

  @Test
  void givenSeveralProblems_check_reportsAllOfThemAtOnce() {
    var schema =
        new ParameterSchema(
            List.of(
                required("a", INT),
                required("b", STR),
                optional("c", BOOL),
                optional("d", FLOAT),
                required("e", BOOL),
                optional("f", STR)));

    var violations =
        schema.check(
            values("b", 5, "c", null, "d", "x", "e", null, "f", "fine", "zz", 1, "yy", null));

    assertThat(violations)
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("missing", "a"),
            violation("string_type", "b"),
            violation("float_type", "d"),
            violation("missing", "e"),
            violation("extra_forbidden", "zz"),
            violation("extra_forbidden", "yy"));
  }

  @Test
  void givenMoreThanTheMaximumOfParameters_create_rejectsAtParameters() {
    List<ParameterField> fields = new ArrayList<>();
    for (int i = 0; i <= ParameterSchema.MAX_PARAMETERS; i++) {
      fields.add(new ParameterField("p" + i, STR, "d", false));
    }

    assertThat(violationsOf(() -> new ParameterSchema(fields)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("too_long", "parameters"));
  }

  @Test
  void givenOverlongNameAndDescription_createField_reportsBoth() {
    assertThat(
            violationsOf(() -> new ParameterField("n".repeat(256), STR, "d".repeat(1001), false)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("string_too_long", "name"), violation("string_too_long", "description"));
  }
}
