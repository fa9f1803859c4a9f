package org.modelregistry.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modelregistry.domain.testdata.TestIdentities.aSecret;
import static org.modelregistry.domain.testdata.TestIdentities.aSecretWithPrefixOf;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeySecretTest {

  /** A well-formed key: {@code mr_}, 8 letters or digits, {@code _}, 43 base64url characters. */
  private static final String VALID = "mr_AbCd1234_" + "x".repeat(42) + "A";

  private static byte[] random(long seed) {
    byte[] bytes = new byte[ApiKeySecret.RANDOM_BYTES];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  private static String sha256Hex(String text) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void givenRandomBytes_fromRandom_makesAKeyOfTheDocumentedShape() {
    String key = ApiKeySecret.fromRandom(random(1)).reveal();

    assertThat(key)
        .hasSize(ApiKeySecret.LENGTH)
        .hasSize(55)
        .startsWith("mr_")
        .matches("mr_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43}");
  }

  @Test
  void givenRandomBytes_fromRandom_encodesTheLast32BytesAsTheSecret() {
    byte[] bytes = random(2);

    String key = ApiKeySecret.fromRandom(bytes).reveal();

    byte[] secret = Base64.getUrlDecoder().decode(key.substring(12));
    assertThat(secret).hasSize(32).isEqualTo(Arrays.copyOfRange(bytes, 8, 40));
  }

  @Test
  void givenRandomBytes_fromRandom_derivesThePrefixFromTheFirst8Bytes() {
    byte[] bytes = random(3);
    ApiKeySecret key = ApiKeySecret.fromRandom(bytes);
    byte[] otherSecret = bytes.clone();
    otherSecret[39] ^= 1;
    byte[] otherPrefix = bytes.clone();
    otherPrefix[0] ^= 1;

    assertThat(key.prefix()).hasSize(8).isEqualTo(key.reveal().substring(3, 11));
    assertThat(ApiKeySecret.fromRandom(otherSecret).prefix()).isEqualTo(key.prefix());
    assertThat(ApiKeySecret.fromRandom(otherPrefix).prefix()).isNotEqualTo(key.prefix());
  }

  @Test
  void givenTheSameBytes_fromRandom_makesTheSameKey() {
    assertThat(ApiKeySecret.fromRandom(random(4))).isEqualTo(ApiKeySecret.fromRandom(random(4)));
    assertThat(ApiKeySecret.fromRandom(random(4))).isNotEqualTo(ApiKeySecret.fromRandom(random(5)));
  }

  @Test
  void givenMoreBytesThanNeeded_fromRandom_usesTheFirst40() {
    byte[] bytes = random(6);
    byte[] longer = Arrays.copyOf(bytes, 64);
    longer[50] = 7;

    assertThat(ApiKeySecret.fromRandom(longer)).isEqualTo(ApiKeySecret.fromRandom(bytes));
  }

  @Test
  void givenTooFewBytes_fromRandom_isRefused() {
    assertThatThrownBy(() -> ApiKeySecret.fromRandom(new byte[39]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("40");
    assertThatThrownBy(() -> ApiKeySecret.fromRandom(null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void givenEveryByteValue_fromRandom_alwaysMakesAParsableKey() {
    IntStream.range(0, 256)
        .forEach(
            b -> {
              byte[] bytes = new byte[ApiKeySecret.RANDOM_BYTES];
              Arrays.fill(bytes, (byte) b);
              String key = ApiKeySecret.fromRandom(bytes).reveal();
              assertThat(ApiKeySecret.parse(key)).as("key of byte %d", b).isPresent();
            });
  }

  @Test
  void givenManyRandomKeys_parse_readsEachBackWithItsPrefix() {
    var rng = new Random(42);
    for (int i = 0; i < 200; i++) {
      byte[] bytes = new byte[ApiKeySecret.RANDOM_BYTES];
      rng.nextBytes(bytes);
      ApiKeySecret key = ApiKeySecret.fromRandom(bytes);

      ApiKeySecret parsed = ApiKeySecret.parse(key.reveal()).orElseThrow();

      assertThat(parsed).isEqualTo(key);
      assertThat(parsed.prefix()).isEqualTo(key.prefix());
      assertThat(parsed.hash()).isEqualTo(key.hash());
    }
  }

  @Test
  void givenWellFormedText_parse_keepsItAndItsPrefix() {
    ApiKeySecret key = ApiKeySecret.parse(VALID).orElseThrow();

    assertThat(key.reveal()).isEqualTo(VALID);
    assertThat(key.prefix()).isEqualTo("AbCd1234");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "mr_",
        "Bearer mr_AbCd1234_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxA",
        "mr_AbCd1234_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxA ",
        " mr_AbCd1234_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxA",
        "MR_AbCd1234_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxA",
        "sk_AbCd1234_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxA",
        "mr-AbCd1234_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxA",
        "mr_AbCd1234-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxA",
        "mr_AbCd123_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxA",
        "mr_AbCd12345_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxA",
        "mr_AbCd-234_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxA",
        "mr_AbCd_234_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxA",
        "mr_AbCd1234_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxA",
        "mr_AbCd1234_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxA",
        "mr_AbCd1234_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx+A",
        "mr_AbCd1234_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx/A",
        "mr_AbCd1234_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx=A",
        "mr_AbCd1234_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx=",
        "mr_AbCdü234_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxA",
        "mr_AbCd1234_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxB",
        "mr_AbCd1234_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx_",
        "mr_AbCd1234_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n",
      })
  void givenTextNotShapedLikeAKey_parse_isEmpty(String presented) {
    assertThat(ApiKeySecret.parse(presented)).isEmpty();
  }

  @Test
  void givenHugeText_parse_isEmpty() {
    assertThat(ApiKeySecret.parse(VALID.repeat(100_000))).isEmpty();
  }

  @Test
  void givenEveryCanonicalLastCharacter_parse_accepts() {
    for (char last : "AEIMQUYcgkosw048".toCharArray()) {
      assertThat(ApiKeySecret.parse(VALID.substring(0, 54) + last))
          .as("ending %s", last)
          .isPresent();
    }
  }

  @Test
  void givenKey_hash_isTheLowerCaseHexSha256OfTheWholeText() throws Exception {
    ApiKeySecret key = ApiKeySecret.parse(VALID).orElseThrow();

    assertThat(key.hash()).isEqualTo(sha256Hex(VALID)).matches("[0-9a-f]{64}");
  }

  @Test
  void givenKeysWithTheSamePrefix_hash_differs() {
    assertThat(aSecretWithPrefixOf(1).prefix()).isEqualTo(aSecret(1).prefix());
    assertThat(aSecretWithPrefixOf(1).hash()).isNotEqualTo(aSecret(1).hash());
  }

  @Test
  void givenItsOwnHash_matches_isTrue() {
    ApiKeySecret key = aSecret(1);

    assertThat(key.matches(key.hash())).isTrue();
    assertThat(ApiKeySecret.parse(key.reveal()).orElseThrow().matches(key.hash())).isTrue();
  }

  @Test
  void givenAnotherKeysHash_matches_isFalse() {
    assertThat(aSecret(1).matches(aSecret(2).hash())).isFalse();
    assertThat(aSecret(1).matches(aSecretWithPrefixOf(1).hash())).isFalse();
  }

  @Test
  void givenAHashDifferingInOneCharacterOrLength_matches_isFalse() {
    ApiKeySecret key = aSecret(1);
    String hash = key.hash();
    char last = hash.charAt(63);
    String oneOff = hash.substring(0, 63) + (last == '0' ? '1' : '0');

    assertThat(key.matches(oneOff)).isFalse();
    assertThat(key.matches(hash.toUpperCase())).isFalse();
    assertThat(key.matches(hash.substring(0, 63))).isFalse();
    assertThat(key.matches(hash + "0")).isFalse();
    assertThat(key.matches("")).isFalse();
  }

  @Test
  void givenNoHash_matches_isRefused() {
    assertThatThrownBy(() -> aSecret(1).matches(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void givenKey_toString_showsThePrefixButNeverTheSecret() {
    ApiKeySecret key = aSecret(1);
    String secretPart = key.reveal().substring(12);

    assertThat(key.toString())
        .isEqualTo("mr_" + key.prefix() + "_****")
        .doesNotContain(secretPart)
        .doesNotContain(secretPart.substring(0, 8))
        .doesNotContain(key.hash());
    assertThat(String.valueOf(java.util.List.of(key))).doesNotContain(secretPart);
  }

  @Test
  void givenPrefixes_isPrefix_acceptsOnly8LettersOrDigits() {
    assertThat(ApiKeySecret.isPrefix("AbCd1234")).isTrue();
    assertThat(ApiKeySecret.isPrefix(aSecret(3).prefix())).isTrue();
    assertThat(ApiKeySecret.isPrefix("AbCd123")).isFalse();
    assertThat(ApiKeySecret.isPrefix("AbCd12345")).isFalse();
    assertThat(ApiKeySecret.isPrefix("AbCd_234")).isFalse();
    assertThat(ApiKeySecret.isPrefix(null)).isFalse();
  }

  @Test
  void givenEqualKeys_hashCode_isEqual() {
    ApiKeySecret key = aSecret(5);

    assertThat(ApiKeySecret.parse(key.reveal()).orElseThrow()).hasSameHashCodeAs(key);
  }
}
