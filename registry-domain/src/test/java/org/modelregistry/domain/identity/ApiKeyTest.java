package org.modelregistry.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modelregistry.domain.testdata.TestIdentities.aKey;
import static org.modelregistry.domain.testdata.TestIdentities.aSecret;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modelregistry.domain.error.ValidationException;
import org.modelregistry.domain.error.Violation;

class ApiKeyTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final String HASH = aSecret(1).hash();

  private static ApiKey key(String prefix, String identityId, String hash, String name) {
    return new ApiKey(prefix, identityId, hash, name, T0, Optional.empty(), Optional.empty());
  }

  private static ApiKey expiringAt(Instant expiresAt) {
    return new ApiKey(
        "AbCd1234", "alice", HASH, null, T0, Optional.of(expiresAt), Optional.empty());
  }

  @Test
  void givenSecret_issue_recordsItsPrefixAndHashButNotTheSecret() {
    ApiKeySecret secret = aSecret(1);

    ApiKey key = ApiKey.issue(secret, "alice", "ci", T0, Optional.of(T0.plusSeconds(60)));

    assertThat(key.prefix()).isEqualTo(secret.prefix());
    assertThat(key.hash()).isEqualTo(secret.hash());
    assertThat(key.identityId()).isEqualTo("alice");
    assertThat(key.name()).isEqualTo("ci");
    assertThat(key.createdAt()).isEqualTo(T0);
    assertThat(key.expiresAt()).contains(T0.plusSeconds(60));
    assertThat(key.revokedAt()).isEmpty();
    assertThat(key.toString()).doesNotContain(secret.reveal().substring(12));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "AbCd123", "AbCd12345", "AbCd_234", "AbCdü234"})
  void givenMalformedPrefix_create_isRefused(String prefix) {
    assertThatThrownBy(() -> key(prefix, "alice", HASH, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("prefix");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " "})
  void givenBlankIdentityId_create_isRefused(String identityId) {
    assertThatThrownBy(() -> key("AbCd1234", identityId, HASH, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("identity id");
  }

  @Test
  void givenIdentityIdOver255Characters_create_isRefused() {
    assertThat(key("AbCd1234", "i".repeat(255), HASH, null).identityId()).hasSize(255);
    assertThatThrownBy(() -> key("AbCd1234", "i".repeat(256), HASH, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenHashThatIsNotLowerCaseHexSha256_create_isRefused() {
    for (String hash :
        List.of(HASH.toUpperCase(), HASH.substring(1), HASH + "0", "g" + HASH.substring(1), "")) {
      assertThatThrownBy(() -> key("AbCd1234", "alice", hash, null))
          .as(hash)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("SHA-256");
    }
  }

  @Test
  void givenMissingFields_create_isRefused() {
    assertThatThrownBy(() -> key(null, "alice", HASH, null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> key("AbCd1234", null, HASH, null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> key("AbCd1234", "alice", null, null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(
            () ->
                new ApiKey(
                    "AbCd1234", "alice", HASH, null, null, Optional.empty(), Optional.empty()))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(
            () -> new ApiKey("AbCd1234", "alice", HASH, null, T0, null, Optional.empty()))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(
            () -> new ApiKey("AbCd1234", "alice", HASH, null, T0, Optional.empty(), null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void givenNoName_create_acceptsAnUnnamedKey() {
    assertThat(key("AbCd1234", "alice", HASH, null).name()).isNull();
  }

  @Test
  void givenNameOf255CodePoints_create_accepts() {
    assertThat(key("AbCd1234", "alice", HASH, "😀".repeat(255)).name()).hasSize(510);
  }

  @Test
  void givenNameOver255Characters_create_isRejectedAtName() {
    assertThatThrownBy(() -> key("AbCd1234", "alice", HASH, "n".repeat(256)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::path)
                    .containsExactly(List.of("name")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  "})
  void givenBlankName_create_isRejectedAtName(String name) {
    assertThatThrownBy(() -> key("AbCd1234", "alice", HASH, name))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("name");
  }

  @Test
  void givenExpiryAtOrBeforeCreation_create_isRejectedAtExpiresAt() {
    for (Instant expiry : List.of(T0, T0.minusNanos(1), T0.minusSeconds(3600))) {
      assertThatThrownBy(() -> expiringAt(expiry))
          .isInstanceOfSatisfying(
              ValidationException.class,
              e ->
                  assertThat(e.violations())
                      .extracting(Violation::path)
                      .containsExactly(List.of("expires_at")));
    }
  }

  @Test
  void givenExpiryAMomentAfterCreation_create_accepts() {
    assertThat(expiringAt(T0.plusNanos(1_000)).expiresAt()).contains(T0.plusNanos(1_000));
  }

  @Test
  void givenFreshKeyWithoutExpiry_isActiveAt_isTrueAtAnyTime() {
    ApiKey key = aKey(1, "alice", T0);

    assertThat(key.isActiveAt(T0)).isTrue();
    assertThat(key.isActiveAt(T0.plusSeconds(10L * 365 * 24 * 3600))).isTrue();
  }

  @Test
  void givenExpiringKey_isActiveAt_isTrueUntilJustBeforeTheExpiry() {
    Instant expiry = T0.plusSeconds(60);
    ApiKey key = expiringAt(expiry);

    assertThat(key.isActiveAt(T0)).isTrue();
    assertThat(key.isActiveAt(expiry.minusNanos(1))).isTrue();
    assertThat(key.isActiveAt(expiry)).isFalse();
    assertThat(key.isActiveAt(expiry.plusNanos(1))).isFalse();
  }

  @Test
  void givenRevokedKey_isActiveAt_isFalseEvenBeforeTheRevocation() {
    ApiKey revoked = aKey(1, "alice", T0).revokedAt(T0.plusSeconds(10));

    assertThat(revoked.isActiveAt(T0.plusSeconds(5))).isFalse();
    assertThat(revoked.isActiveAt(T0.plusSeconds(10))).isFalse();
    assertThat(revoked.isActiveAt(T0.plusSeconds(20))).isFalse();
  }

  @Test
  void givenActiveKey_revokedAt_recordsTheTimeAndKeepsEverythingElse() {
    ApiKey key = ApiKey.issue(aSecret(1), "alice", "ci", T0, Optional.of(T0.plusSeconds(3600)));

    ApiKey revoked = key.revokedAt(T0.plusSeconds(5));

    assertThat(revoked.revokedAt()).contains(T0.plusSeconds(5));
    assertThat(revoked).usingRecursiveComparison().ignoringFields("revokedAt").isEqualTo(key);
    assertThat(key.revokedAt()).isEmpty();
  }

  @Test
  void givenRevokedKey_revokedAt_keepsTheFirstRevocation() {
    ApiKey revoked = aKey(1, "alice", T0).revokedAt(T0.plusSeconds(5));

    assertThat(revoked.revokedAt(T0.plusSeconds(99))).isSameAs(revoked);
    assertThat(revoked.revokedAt(T0.plusSeconds(99)).revokedAt()).contains(T0.plusSeconds(5));
  }

  @Test
  void givenExpiredKey_revokedAt_stillRecordsTheRevocation() {
    ApiKey expired = expiringAt(T0.plusSeconds(1));

    assertThat(expired.revokedAt(T0.plusSeconds(2)).revokedAt()).contains(T0.plusSeconds(2));
  }
}
