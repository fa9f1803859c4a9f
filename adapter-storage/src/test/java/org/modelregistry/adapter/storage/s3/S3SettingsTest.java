package org.modelregistry.adapter.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Validation and redaction of the S3 settings, without a server. */
class S3SettingsTest {

  private static S3Settings withPrefix(String prefix) {
    return new S3Settings("http://localhost:9000", "eu-1", "bucket", prefix, "access", "secret");
  }

  @Test
  void givenSettings_toString_hidesTheSecretKey() {
    var settings =
        new S3Settings("https://s3.example.com", "eu-1", "bkt", "p", "access", "s3cr3t-value");

    assertThat(settings.toString())
        .doesNotContain("s3cr3t-value")
        .contains("secretKey=****", "access", "https://s3.example.com", "bucket=bkt");
  }

  @ParameterizedTest
  @CsvSource({"/a/b/, a/b", "a, a", "'  /x/ ', x", "'', ''", "/, ''"})
  void givenPrefixWithOuterSlashes_construct_dropsThem(String given, String expected) {
    assertThat(withPrefix(given).prefix()).isEqualTo(expected);
  }

  @Test
  void givenNoPrefixOrRegion_construct_usesEmptyOnes() {
    var settings = new S3Settings("http://localhost:9000", null, "bkt", null, "a", "s");

    assertThat(settings.prefix()).isEmpty();
    assertThat(settings.region()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"a/../b", "a//b", "./a", "a\\b"})
  void givenPrefixThatIsNoPlainFolder_construct_throwsIllegalArgument(String prefix) {
    assertThatThrownBy(() -> withPrefix(prefix)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenEndpointWithCredentials_construct_throwsWithoutEchoingThem() {
    assertThatThrownBy(
            () -> new S3Settings("http://user:pa55word@host:9000", "", "bkt", "", "a", "s"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("pa55word");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://host", "host:9000", "not a url", "http://"})
  void givenEndpointThatIsNoHttpUrl_construct_throwsIllegalArgument(String endpoint) {
    assertThatThrownBy(() -> new S3Settings(endpoint, "", "bkt", "", "a", "s"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "ab", "Upper", "under_score", "-dash-first", "a/b"})
  void givenBucketThatBreaksTheS3NamingRules_construct_throwsIllegalArgument(String bucket) {
    assertThatThrownBy(() -> new S3Settings("http://h", "", bucket, "", "a", "s"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
