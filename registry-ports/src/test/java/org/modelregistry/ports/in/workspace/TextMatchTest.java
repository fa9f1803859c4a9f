package org.modelregistry.ports.in.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TextMatchTest {

  private static TextMatch in(String... values) {
    return new TextMatch(Optional.empty(), Optional.empty(), List.of(values), List.of());
  }

  private static TextMatch like(String pattern) {
    return new TextMatch(Optional.empty(), Optional.of(pattern), List.of(), List.of());
  }

  @Test
  void givenAnAbsentValue_in_rejectsItAndNotIn_acceptsIt() {
    assertThat(in("a").matches(null)).isFalse();
    assertThat(
            new TextMatch(Optional.empty(), Optional.empty(), List.of(), List.of("a"))
                .matches(null))
        .isTrue();
  }

  @Test
  void givenLikePatterns_matches_containsCaseInsensitivelyWithWildcards() {
    assertThat(like("LLa").matches("my-llama-3")).isTrue();
    assertThat(like("l%3").matches("llama-3")).isTrue();
    assertThat(like("llam_-3").matches("llama-3")).isTrue();
    assertThat(like("a.b").matches("axb")).isFalse();
    assertThat(like("x").matches(null)).isFalse();
  }
}
