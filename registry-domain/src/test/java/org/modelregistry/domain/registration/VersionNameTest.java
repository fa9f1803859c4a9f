package org.modelregistry.domain.registration;

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

class VersionNameTest {

  @ParameterizedTest
  @ValueSource(strings = {"1", "1.0.2", "2024-06-rc1", "v_2", "...", ".hidden", "1.", "LATEST"})
  void givenOnlyAllowedCharacters_create_keepsTheValue(String value) {
    assertThat(new VersionName(value).value()).isEqualTo(value);
  }

  @Test
  void givenExactly255Characters_create_accepts() {
    assertThat(new VersionName("9".repeat(255)).value()).hasSize(255);
  }

  @Test
  void given256Characters_create_rejectsAsTooLongInTermsOfAVersion() {
    assertThat(violationsOf(() -> new VersionName("9".repeat(256))))
        .extracting(Violation::type, Violation::message)
        .containsExactly(tuple("string_too_long", "version must be at most 255 characters"));
  }

  @ParameterizedTest
  @NullAndEmptySource
  void givenNoCharacters_create_rejectsAsTooShort(String value) {
    assertThat(violationsOf(() -> new VersionName(value)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("string_too_short"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1 0", "1/0", "../1", "1\\0", "1.0\n", "é", "1:0", "v%2F1"})
  void givenAForbiddenCharacter_create_rejectsWithAVersionMessage(String value) {
    assertThat(violationsOf(() -> new VersionName(value)))
        .extracting(Violation::type, Violation::message)
        .containsExactly(
            tuple(
                "string_pattern_mismatch",
                "version may contain only letters, digits, '_', '-' and '.'"));
  }

  @ParameterizedTest
  @ValueSource(strings = {".", ".."})
  void givenADotSegment_create_rejectsItBecauseItWouldNameAnotherPlace(String value) {
    assertThat(violationsOf(() -> new VersionName(value)))
        .extracting(Violation::path, Violation::type, Violation::message)
        .containsExactly(
            tuple(List.of(), "string_pattern_mismatch", "version cannot be '.' or '..'"));
  }

  @Test
  void givenAVersion_toString_isTheBareValue() {
    assertThat(new VersionName("1.0")).hasToString("1.0");
  }
}
