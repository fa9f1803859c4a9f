package org.modelregistry.domain.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modelregistry.domain.testdata.TestViolations.violation;
import static org.modelregistry.domain.testdata.TestViolations.violationsOf;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modelregistry.domain.error.Violation;

class SourceUrlPolicyTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "file:///etc/passwd",
        "FILE:///etc/passwd",
        "file://localhost/etc/passwd",
        "ftp://ftp.example/m.bin",
        "sftp://host.example/m.bin",
        "gopher://host.example/_x",
        "jar:file:/app.jar!/secret",
        "javascript:alert(1)",
        "data:text/plain,abc",
        "s3://bucket/key",
        "dict://localhost:11211/stats"
      })
  void givenTheDefaultPolicyAndAnotherScheme_parse_rejectsTheScheme(String text) {
    assertThat(violationsOf(() -> SourceUrlPolicy.DEFAULT.parse(text)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("url_scheme"));
  }

  @Test
  void givenTheDefaultPolicyAndAFileUrl_parse_namesTheAllowedSchemes() {
    assertThat(violationsOf(() -> SourceUrlPolicy.DEFAULT.parse("file:///etc/passwd")))
        .extracting(Violation::message)
        .containsExactly("a source URL must use http or https, not 'file'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://storage.example/m.bin", "HTTPS://storage.example/m.bin"})
  void givenTheDefaultPolicyAndHttpOrHttps_parse_accepts(String text) {
    assertThat(SourceUrlPolicy.DEFAULT.parse(text).value()).isEqualTo(text);
  }

  @Test
  void givenTheDefaultPolicyAndAMalformedHttpUrl_parse_reportsTheParsingProblem() {
    assertThat(violationsOf(() -> SourceUrlPolicy.DEFAULT.parse("https:///m.bin")))
        .extracting(Violation::type)
        .containsExactly("url_parsing");
  }

  @Test
  void givenACustomPolicy_parse_acceptsOnlyItsSchemes() {
    var policy = new SourceUrlPolicy(Set.of("s3"));

    assertThat(policy.parse("s3://bucket/key").host()).isEqualTo("bucket");
    assertThat(violationsOf(() -> policy.parse("https://storage.example/m.bin")))
        .extracting(Violation::type)
        .containsExactly("url_scheme");
  }

  @Test
  void givenAUrl_allows_followsThePolicy() {
    var url = new SourceUrl("ftp://ftp.example/m.bin");

    assertThat(SourceUrlPolicy.DEFAULT.allows(url)).isFalse();
    assertThat(new SourceUrlPolicy(Set.of("ftp")).allows(url)).isTrue();
  }

  @Test
  void givenNoSchemes_create_isRefused() {
    assertThatThrownBy(() -> new SourceUrlPolicy(Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenAnUpperCaseScheme_create_isRefused() {
    assertThatThrownBy(() -> new SourceUrlPolicy(Set.of("HTTPS")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
