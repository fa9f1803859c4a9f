package org.modelregistry.domain.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modelregistry.domain.testdata.TestViolations.violationsOf;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.modelregistry.domain.error.Violation;

class SourceGlobTest {

  @ParameterizedTest
  @CsvSource({
    "s3://bucket/prefix/*, s3://bucket/prefix/model, true",
    "s3://bucket/prefix/*, s3://bucket/prefix/, true",
    "s3://bucket/prefix/*, s3://bucket/prefix/a/b, false",
    "s3://bucket/prefix/**, s3://bucket/prefix/a/b, true",
    "s3://bucket/prefix/*, s3://bucket/prefix, false",
    "s3://bucket/prefix/*, s3://bucket/prefixx/m, false",
    "s3://bucket/prefix/*, s3://bucket-evil/prefix/m, false",
    "s3://bucket/prefix/*, S3://bucket/prefix/m, false",
    "hf://org/*, hf://org/llama, true",
    "hf://org/*, hf://org/llama/extra, false",
    "hf://org/*, hf://org2/llama, false",
    "hf://org/*, hf://other/org/llama, false",
    "hf://org/exact, hf://org/exact, true",
    "hf://org/exact, hf://org/exact2, false",
    "hf://*/llama, hf://any/llama, true",
    "hf://org/***, hf://org/a/b, true",
    "**, s3://anything/at/all, true",
    "*, s3://anything, false"
  })
  void givenPatternAndSource_matches_followsGlobRules(
      String pattern, String source, boolean expected) {
    assertThat(new SourceGlob(pattern).matches(source)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "hf://org/a.b, hf://org/aXb",
    "hf://org/(a|b), hf://org/a",
    "hf://org/[ab], hf://org/a",
    "hf://org/a+, hf://org/aa",
    "hf://org/a?, hf://org/a",
    "hf://org/\\Qa\\E, hf://org/a",
    "hf://org/.*, hf://org/model",
    "hf://org/$x^, hf://org/x"
  })
  void givenRegexMetacharacters_matches_treatsThemLiterally(String pattern, String source) {
    var glob = new SourceGlob(pattern);
    assertThat(glob.matches(source)).isFalse();
    assertThat(glob.matches(pattern)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"s3://b/p/*", "**"})
  void givenNullOrANewline_matches_refuses(String pattern) {
    var glob = new SourceGlob(pattern);
    assertThat(glob.matches(null)).isFalse();
    assertThat(glob.matches("s3://b/p/x\n/evil")).isEqualTo(pattern.equals("**"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  "})
  void givenAnEmptyPattern_sourceGlob_rejects(String pattern) {
    assertThat(violationsOf(() -> new SourceGlob(pattern)))
        .extracting(Violation::type)
        .containsExactly("string_too_short");
  }
}
