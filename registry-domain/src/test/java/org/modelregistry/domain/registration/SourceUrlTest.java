package org.modelregistry.domain.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modelregistry.domain.registration.TestRegistrations.SIGNATURE;
import static org.modelregistry.domain.registration.TestRegistrations.redactedUrl;
import static org.modelregistry.domain.registration.TestRegistrations.signedUrl;
import static org.modelregistry.domain.testdata.TestViolations.violation;
import static org.modelregistry.domain.testdata.TestViolations.violationsOf;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modelregistry.domain.error.Violation;

class SourceUrlTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://storage.example/c/m.bin",
        "http://storage.example/m.bin",
        "HTTPS://Storage.Example/m.bin",
        "https://storage.example:8443/c/m.bin?sv=1&sig=abc%2Bdef",
        "https://10.0.0.1/m.bin",
        "https://[2001:db8::1]/m.bin",
        "https://storage.example"
      })
  void givenAnAbsoluteUrlWithAHost_create_keepsItAsGiven(String text) {
    assertThat(new SourceUrl(text).value()).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not a url",
        "relative/path/m.bin",
        "/absolute/path/m.bin",
        "//storage.example/m.bin",
        "http://",
        "https:///m.bin",
        "https://exa mple.com/m.bin",
        "https://storage.example/m.bin\u0000",
        "https://storage.example/%zz",
        "mailto:someone@example.com",
        "https://under_score.example/m.bin"
      })
  void givenAMalformedUrl_create_rejectsAsUrlParsing(String text) {
    assertThat(violationsOf(() -> new SourceUrl(text)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("url_parsing"));
  }

  @Test
  void givenNull_create_rejectsAsUrlParsing() {
    assertThat(violationsOf(() -> new SourceUrl(null)))
        .extracting(Violation::type)
        .containsExactly("url_parsing");
  }

  @Test
  void givenUserInfo_create_rejectsIt() {
    var violations = violationsOf(() -> new SourceUrl("https://user:pass@storage.example/m.bin"));

    assertThat(violations).extracting(Violation::type).containsExactly("url_parsing");
    assertThat(violations.get(0).message()).contains("user info").doesNotContain("pass@");
  }

  @Test
  void givenAUrlLongerThanTheLimit_create_rejectsAsTooLong() {
    String text = "https://storage.example/" + "a".repeat(SourceUrl.MAX_LENGTH);

    assertThat(violationsOf(() -> new SourceUrl(text)))
        .extracting(Violation::type)
        .containsExactly("url_too_long");
  }

  @Test
  void givenAMalformedSignedUrl_create_neverQuotesItInTheMessage() {
    String text = "https://exa mple.com/m.bin?" + SIGNATURE;

    assertThat(violationsOf(() -> new SourceUrl(text)))
        .extracting(Violation::message)
        .noneMatch(message -> message.contains(SIGNATURE) || message.contains("exa mple"));
  }

  @Test
  void givenASignedUrl_redacted_keepsOnlySchemeHostPortAndPath() {
    assertThat(new SourceUrl(signedUrl("m.bin")).redacted()).isEqualTo(redactedUrl("m.bin"));
  }

  @Test
  void givenAnUpperCaseScheme_redacted_lowerCasesIt() {
    assertThat(new SourceUrl("HTTPS://storage.example/m.bin").redacted())
        .isEqualTo("https://storage.example/m.bin");
  }

  @Test
  void givenNoPath_redacted_isSchemeAndHost() {
    assertThat(new SourceUrl("https://storage.example?" + SIGNATURE).redacted())
        .isEqualTo("https://storage.example");
  }

  @Test
  void givenASignedUrl_toString_isTheRedactedForm() {
    var url = new SourceUrl(signedUrl("m.bin"));

    assertThat(url.toString()).isEqualTo(redactedUrl("m.bin")).doesNotContain(SIGNATURE);
  }

  @Test
  void givenAUriWithUserInfoQueryAndFragment_redact_dropsThem() {
    URI uri = URI.create("https://u:secret@storage.example:8443/a/b?" + SIGNATURE + "#part");

    assertThat(SourceUrl.redact(uri)).isEqualTo("https://storage.example:8443/a/b");
  }

  @ParameterizedTest
  @ValueSource(strings = {"not a url at all?" + SIGNATURE, "file:///etc/passwd?" + SIGNATURE})
  void givenTextWithoutAHost_redact_returnsAPlaceholder(String text) {
    assertThat(SourceUrl.redact(text)).isEqualTo("[unparseable URL]");
  }

  @Test
  void givenAUrl_accessors_exposeItsParts() {
    var url = new SourceUrl("HTTPS://storage.example:8443/m.bin");

    assertThat(url.scheme()).isEqualTo("https");
    assertThat(url.host()).isEqualTo("storage.example");
    assertThat(url.port()).isEqualTo(8443);
    assertThat(url.toUri()).isEqualTo(URI.create("HTTPS://storage.example:8443/m.bin"));
  }
}
