package org.modelregistry.domain.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modelregistry.domain.testdata.TestViolations.violation;
import static org.modelregistry.domain.testdata.TestViolations.violationsOf;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.modelregistry.domain.error.Violation;

class TokenizerInfoTest {

  @Test
  void givenAStringTemplate_from_isChat() {
    var info = TokenizerInfo.from(Map.of("chat_template", "{{ messages }}", "bos_token", "<s>"));

    assertThat(info).isEqualTo(new TokenizerInfo("{{ messages }}", true));
  }

  @Test
  void givenNoTemplate_from_isNotChat() {
    assertThat(TokenizerInfo.from(Map.of("bos_token", "<s>"))).isEqualTo(TokenizerInfo.none());
    assertThat(TokenizerInfo.from(null).isChat()).isFalse();
  }

  @Test
  void givenNamedTemplates_from_keepsTheDefaultOne() {
    var info =
        TokenizerInfo.from(
            Map.of(
                "chat_template",
                List.of(
                    Map.of("name", "tool_use", "template", "tools"),
                    Map.of("name", "default", "template", "chat"))));

    assertThat(info).isEqualTo(new TokenizerInfo("chat", true));
  }

  @Test
  void givenNamedTemplatesWithoutDefault_from_keepsTheFirst() {
    var info =
        TokenizerInfo.from(
            Map.of("chat_template", List.of(Map.of("name", "rag", "template", "first"))));

    assertThat(info.chatTemplate()).isEqualTo("first");
  }

  @Test
  void givenATooLongTemplate_from_rejectsIt() {
    var tooLong = "x".repeat(TokenizerInfo.MAX_TEMPLATE_LENGTH + 1);

    assertThat(violationsOf(() -> TokenizerInfo.from(Map.of("chat_template", tooLong))))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("string_too_long", "chat_template"));
    assertThat(
            violationsOf(
                () ->
                    TokenizerInfo.from(
                        Map.of(
                            "chat_template",
                            List.of(Map.of("name", "default", "template", tooLong))))))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("string_too_long", "chat_template", 0, "template"));
  }

  @Test
  void givenMalformedTemplates_from_namesTheOffendingItem() {
    assertThat(violationsOf(() -> TokenizerInfo.from(Map.of("chat_template", 42))))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("value_error", "chat_template"));
    assertThat(
            violationsOf(
                () ->
                    TokenizerInfo.from(
                        Map.of(
                            "chat_template",
                            List.of("plain", Map.of("name", 1, "template", "t"), Map.of())))))
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("dict_type", "chat_template", 0),
            violation("string_type", "chat_template", 1, "name"),
            violation("string_type", "chat_template", 2, "name"));
    assertThat(violationsOf(() -> TokenizerInfo.from(Map.of("chat_template", List.of()))))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("too_short", "chat_template"));
  }
}
