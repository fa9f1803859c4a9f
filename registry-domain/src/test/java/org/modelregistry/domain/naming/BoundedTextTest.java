package org.modelregistry.domain.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modelregistry.domain.testdata.TestViolations.violation;
import static org.modelregistry.domain.testdata.TestViolations.violationsOf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.modelregistry.domain.error.Violation;

class BoundedTextTest {

  @Test
  void givenTheDocumentedLimits_constants_matchThem() {
    assertThat(BoundedText.DISPLAY_NAME_MAX).isEqualTo(255);
    assertThat(BoundedText.DESCRIPTION_MAX).isEqualTo(1000);
    assertThat(BoundedText.IDENTIFIER_MAX).isEqualTo(255);
    assertThat(BoundedText.CARD_MAX).isEqualTo(100_000);
  }

  @Test
  void givenNull_requireAtMost_returnsNull() {
    assertThat(BoundedText.requireAtMost(null, 3, "field")).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "abc"})
  void givenTextWithinTheLimit_requireAtMost_returnsIt(String text) {
    assertThat(BoundedText.requireAtMost(text, 3, "field")).isEqualTo(text);
  }

  @Test
  void givenTextOneOverTheLimit_requireAtMost_rejectsAsTooLongAtTheValueItself() {
    var violations = violationsOf(() -> BoundedText.requireAtMost("abcd", 3, "display_name"));

    assertThat(violations)
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("string_too_long"));
    assertThat(violations.get(0).message()).contains("display_name").contains("3");
  }

  @Test
  void givenANulCharacter_requireAtMost_rejectsItForEveryDatabaseAlike() {
    var violations = violationsOf(() -> BoundedText.requireAtMost("a\u0000b", 255, "description"));

    assertThat(violations)
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("string_pattern_mismatch"));
    assertThat(violations.get(0).message()).contains("description").contains("NUL");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", "   ", "\t", "\n"})
  void givenBlankText_requireNonBlank_rejectsAsTooShort(String text) {
    assertThat(violationsOf(() -> BoundedText.requireNonBlank(text, 255, "account_id")))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("string_too_short"));
  }

  @Test
  void givenNonBlankTextOverTheLimit_requireNonBlank_rejectsAsTooLong() {
    assertThat(violationsOf(() -> BoundedText.requireNonBlank("abcd", 3, "account_id")))
        .extracting(Violation::type)
        .containsExactly("string_too_long");
  }

  @Test
  void givenNonBlankTextWithinTheLimit_requireNonBlank_returnsIt() {
    assertThat(BoundedText.requireNonBlank(" x ", 3, "account_id")).isEqualTo(" x ");
  }

  @Test
  void givenEmojiDescriptionOf1000CodePoints_requireAtMost_accepts() {
    String emoji = "\uD83D\uDE00".repeat(BoundedText.DESCRIPTION_MAX);

    assertThat(BoundedText.requireAtMost(emoji, BoundedText.DESCRIPTION_MAX, "description"))
        .isEqualTo(emoji);
  }

  @Test
  void givenEmojiDescriptionOf1001CodePoints_requireAtMost_rejects() {
    String emoji = "\uD83D\uDE00".repeat(BoundedText.DESCRIPTION_MAX + 1);

    assertThat(
            violationsOf(
                () -> BoundedText.requireAtMost(emoji, BoundedText.DESCRIPTION_MAX, "description")))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("string_too_long"));
  }
}
