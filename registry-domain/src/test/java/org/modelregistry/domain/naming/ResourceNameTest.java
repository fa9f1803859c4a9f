package org.modelregistry.domain.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.modelregistry.domain.testdata.TestViolations.violation;
import static org.modelregistry.domain.testdata.TestViolations.violationsOf;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.modelregistry.domain.error.Violation;

class ResourceNameTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a",
        "Z",
        "7",
        "_",
        "-",
        "my-model_v1.2",
        "ABCxyz0189",
        "llama-3.1-8B",
        "...",
        ".a",
        "a.",
        "..a"
      })
  void givenOnlyAllowedCharacters_create_keepsTheValue(String value) {
    assertThat(new ResourceName(value).value()).isEqualTo(value);
  }

  @Test
  void givenExactly255Characters_create_accepts() {
    String longest = "a".repeat(255);

    assertThat(new ResourceName(longest).value()).hasSize(255);
  }

  @Test
  void given256Characters_create_rejectsAsTooLong() {
    assertThat(violationsOf(() -> new ResourceName("a".repeat(256))))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("string_too_long"));
  }

  @Test
  void given256CharactersWithForbiddenOnes_create_reportsTheLengthFirst() {
    assertThat(violationsOf(() -> new ResourceName(" ".repeat(256))))
        .extracting(Violation::type)
        .containsExactly("string_too_long");
  }

  @ParameterizedTest
  @NullAndEmptySource
  void givenNoCharacters_create_rejectsAsTooShort(String value) {
    assertThat(violationsOf(() -> new ResourceName(value)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("string_too_short"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        " ",
        "my model",
        " leading",
        "trailing ",
        "tab\there",
        "line\nbreak",
        "trailing-newline\n",
        "a/b",
        "/absolute",
        "a\\b",
        "../escape",
        "café",
        "naïve",
        "模型",
        "Ωmega",
        "ａ",
        "١٢٣",
        "name!",
        "a:b",
        "a@b",
        "a+b",
        "a*b",
        "a%2Fb"
      })
  void givenAForbiddenCharacter_create_rejectsAsPatternMismatch(String value) {
    assertThat(violationsOf(() -> new ResourceName(value)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("string_pattern_mismatch"));
  }

  @ParameterizedTest
  @ValueSource(strings = {".", ".."})
  void givenADotSegment_create_rejectsItBecauseItWouldNameAnotherPlace(String value) {
    assertThat(violationsOf(() -> new ResourceName(value)))
        .extracting(Violation::path, Violation::type, Violation::message)
        .containsExactly(tuple(List.of(), "string_pattern_mismatch", "name cannot be '.' or '..'"));
  }

  @Test
  void givenAName_toString_isTheBareValue() {
    assertThat(new ResourceName("my-model")).hasToString("my-model");
  }

  @Test
  void givenTwoNamesWithTheSameValue_equals_isTrue() {
    assertThat(new ResourceName("same")).isEqualTo(new ResourceName("same"));
  }
}
