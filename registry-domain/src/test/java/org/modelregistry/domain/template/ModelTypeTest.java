package org.modelregistry.domain.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ModelTypeTest {

  @ParameterizedTest
  @EnumSource(
      value = ModelType.class,
      names = {"CHAT_COMPLETION", "AGENT"})
  void givenAConversationalType_supportsMultiTurn_isTrue(ModelType type) {
    assertThat(type.supportsMultiTurn()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(
      value = ModelType.class,
      names = {"CHAT_COMPLETION", "AGENT"},
      mode = EnumSource.Mode.EXCLUDE)
  void givenAnyOtherType_supportsMultiTurn_isFalse(ModelType type) {
    assertThat(type.supportsMultiTurn()).isFalse();
  }
}
