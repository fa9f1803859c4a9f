package org.modelregistry.adapter.storage.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FetchSettingsTest {

  @Test
  void givenNothing_defaults_allowNoHostAndFiveRedirects() {
    var settings = FetchSettings.defaults();

    assertThat(settings.maxRedirects()).isEqualTo(5);
    assertThat(settings.allowedHosts()).isEmpty();
    assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.userAgent()).isEqualTo("model-registry");
  }

  @Test
  void givenValidEntries_withAllowedHosts_keepsThem() {
    var hosts = List.of("minio", "minio:9000", "10.0.0.5:9000", "[::1]", "[fd00::5]:8080");

    assertThat(FetchSettings.defaults().withAllowedHosts(hosts).allowedHosts())
        .containsExactlyElementsOf(hosts);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "::1",
        "[::1",
        "[::1]x",
        "host:",
        "host:0",
        "host:65536",
        "host:http",
        "http://host",
        "bad host",
        "host/path"
      })
  void givenAMalformedEntry_create_isRefused(String entry) {
    assertThatThrownBy(() -> FetchSettings.defaults().withAllowedHosts(List.of(entry)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenAZeroTimeout_create_isRefused() {
    assertThatThrownBy(() -> FetchSettings.defaults().withTimeouts(Duration.ZERO, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("connectTimeout must be");
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 21})
  void givenARedirectLimitOutOfRange_create_isRefused(int redirects) {
    assertThatThrownBy(() -> FetchSettings.defaults().withMaxRedirects(redirects))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenAUserAgentWithALineBreak_create_isRefused() {
    assertThatThrownBy(
            () ->
                new FetchSettings(
                    Duration.ofSeconds(1), Duration.ofSeconds(1), 5, List.of(), "a\r\nX-Evil: 1"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
