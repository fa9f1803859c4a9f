package org.modelregistry.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ActorTest {

  @ParameterizedTest
  @ValueSource(strings = {"", " "})
  void givenABlankUserId_create_isRefused(String userId) {
    assertThatThrownBy(() -> new Actor(userId, IdentityType.USER))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenNoUserIdOrType_create_isRefused() {
    assertThatThrownBy(() -> new Actor(null, IdentityType.USER))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Actor("alice", null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void givenAUserIdOf255Characters_create_accepts() {
    assertThat(new Actor("u".repeat(255), IdentityType.USER).userId()).hasSize(255);
  }

  @Test
  void givenAUserIdOver255Characters_create_isRefused() {
    assertThatThrownBy(() -> new Actor("u".repeat(256), IdentityType.USER))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @EnumSource(IdentityType.class)
  void givenAnyIdentityType_fromWire_readsItsWireValueBack(IdentityType type) {
    assertThat(IdentityType.fromWire(type.wireValue())).isEqualTo(type);
  }

  @Test
  void givenTheDocumentedSpellings_wireValue_isLowerCase() {
    assertThat(IdentityType.USER.wireValue()).isEqualTo("user");
    assertThat(IdentityType.SERVICE_ACCOUNT.wireValue()).isEqualTo("service_account");
    assertThatThrownBy(() -> IdentityType.fromWire("USER"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
