package org.modelregistry.domain.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modelregistry.domain.testdata.TestViolations.violation;
import static org.modelregistry.domain.testdata.TestViolations.violationsOf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modelregistry.domain.error.Violation;
import org.modelregistry.domain.registration.Secret;

class ApiEndpointTest {

  private static final String KEY = "sk-very-secret-key";

  @ParameterizedTest
  @ValueSource(strings = {"https://api.example/v1", "http://10.0.0.1:8000/v1", "HTTPS://h.example"})
  void givenAnAbsoluteHttpUrl_apiEndpoint_accepts(String url) {
    assertThat(new ApiEndpoint(url, null, null, null).url()).isEqualTo(url);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://h.example/x", "file:///etc/passwd", "/v1/chat", "api.example/v1"})
  void givenAnotherSchemeOrARelativeUrl_apiEndpoint_rejectsAtUrl(String url) {
    assertThat(violationsOf(() -> new ApiEndpoint(url, null, null, null)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("url_scheme", "url"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://", "https:///path", "http://a b/", "https://[::1"})
  void givenAnUnparseableOrHostlessUrl_apiEndpoint_rejectsAtUrl(String url) {
    assertThat(violationsOf(() -> new ApiEndpoint(url, null, null, null)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("url_parsing", "url"));
  }

  @Test
  void givenNoUrlAndAnEmptyKey_apiEndpoint_reportsBoth() {
    assertThat(violationsOf(() -> new ApiEndpoint(null, null, new Secret(""), null)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("missing", "url"), violation("string_too_short", "api_key"));
  }

  @Test
  void givenAKey_toStringAndErrors_neverShowIt() {
    var endpoint = new ApiEndpoint("https://api.example/v1", "m", new Secret(KEY), "openai");
    assertThat(endpoint.toString()).doesNotContain(KEY).contains("****");
    assertThat(endpoint.hasApiKey()).isTrue();
    assertThat(endpoint.apiKey().value()).isEqualTo(KEY);
    var tooLong = new Secret(KEY.repeat(1000));
    assertThat(violationsOf(() -> new ApiEndpoint("https://h.example", null, tooLong, null)))
        .extracting(Violation::message)
        .singleElement()
        .asString()
        .doesNotContain(KEY);
  }

  @Test
  void givenDifferentKeys_equals_tellsThemApartWithoutShowingThem() {
    var a = new ApiEndpoint("https://h.example", "m", new Secret(KEY), null);
    var b = new ApiEndpoint("https://h.example", "m", new Secret(KEY), null);
    var c = new ApiEndpoint("https://h.example", "m", new Secret("other"), null);
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c);
    assertThat(c.toString()).isEqualTo(a.toString());
  }
}
