package org.modelregistry.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuditEntryTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Optional<Actor> ALICE = Optional.of(new Actor("alice", IdentityType.USER));

  private static AuditEntry entry(String action, String target, int status) {
    return new AuditEntry(T0, ALICE, action, target, status);
  }

  @Test
  void givenValidFields_create_keepsThem() {
    AuditEntry entry = entry("DELETE /v4/models/{id}", "/v4/models/m-1", 204);

    assertThat(entry.at()).isEqualTo(T0);
    assertThat(entry.actor()).isEqualTo(ALICE);
    assertThat(entry.action()).isEqualTo("DELETE /v4/models/{id}");
    assertThat(entry.target()).isEqualTo("/v4/models/m-1");
    assertThat(entry.status()).isEqualTo(204);
  }

  @Test
  void givenNoActor_create_recordsAnAnonymousRequest() {
    var entry =
        new AuditEntry(T0, Optional.empty(), "POST /api/add_models", "/api/add_models", 401);

    assertThat(entry.actor()).isEmpty();
  }

  @Test
  void givenTargetAtTheLimit_create_keepsItWhole() {
    String target = "t".repeat(AuditEntry.MAX_TARGET_LENGTH);

    assertThat(entry("GET", target, 200).target()).isEqualTo(target);
  }

  @Test
  void givenTargetOverTheLimit_create_keepsItsFirst2048Characters() {
    String target = "/v4/models/" + "x".repeat(5000);

    String kept = entry("GET", target, 200).target();

    assertThat(kept).hasSize(2048);
    assertThat(target).startsWith(kept);
  }

  @Test
  void givenTargetWhoseCutFallsInsideASurrogatePair_create_dropsTheHalfPair() {
    String target = "t".repeat(AuditEntry.MAX_TARGET_LENGTH - 1) + "😀" + "tail";

    String kept = entry("GET", target, 200).target();

    assertThat(kept).isEqualTo("t".repeat(AuditEntry.MAX_TARGET_LENGTH - 1));
    assertThat(Character.isHighSurrogate(kept.charAt(kept.length() - 1))).isFalse();
  }

  @Test
  void givenActionOverTheLimit_create_keepsItsFirst512Characters() {
    assertThat(entry("A".repeat(600), "/", 200).action()).hasSize(AuditEntry.MAX_ACTION_LENGTH);
    assertThat(entry("A".repeat(512), "/", 200).action()).hasSize(512);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " "})
  void givenBlankAction_create_isRefused(String action) {
    assertThatThrownBy(() -> entry(action, "/", 200)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenMissingFields_create_isRefused() {
    assertThatThrownBy(() -> new AuditEntry(null, ALICE, "GET", "/", 200))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new AuditEntry(T0, null, "GET", "/", 200))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new AuditEntry(T0, ALICE, null, "/", 200))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new AuditEntry(T0, ALICE, "GET", null, 200))
        .isInstanceOf(NullPointerException.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 99, 600, 1000})
  void givenStatusOutsideHttp_create_isRefused(int status) {
    assertThatThrownBy(() -> entry("GET", "/", status))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(String.valueOf(status));
  }

  @ParameterizedTest
  @ValueSource(ints = {100, 599})
  void givenStatusAtTheHttpBounds_create_accepts(int status) {
    assertThat(entry("GET", "/", status).status()).isEqualTo(status);
  }

  @ParameterizedTest
  @ValueSource(ints = {200, 201, 204, 299})
  void given2xxStatus_succeeded_isTrue(int status) {
    assertThat(entry("GET", "/", status).succeeded()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {199, 300, 401, 404, 500})
  void givenOtherStatus_succeeded_isFalse(int status) {
    assertThat(entry("GET", "/", status).succeeded()).isFalse();
  }
}
