package org.modelregistry.domain.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.modelregistry.domain.template.ParameterType.BOOL;
import static org.modelregistry.domain.template.ParameterType.FLOAT;
import static org.modelregistry.domain.template.ParameterType.INT;
import static org.modelregistry.domain.template.ParameterType.STR;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ParameterTypeTest {

  static Stream<Arguments> acceptedValues() {
    return Stream.of(
        // int: integral numbers in any Java form, including integral decimals
        arguments(INT, 1),
        arguments(INT, -7),
        arguments(INT, 1L),
        arguments(INT, Long.MAX_VALUE),
        arguments(INT, (short) 1),
        arguments(INT, (byte) 1),
        arguments(INT, BigInteger.TEN),
        arguments(INT, new BigInteger("123456789012345678901234567890")),
        arguments(INT, new BigDecimal("1.0")),
        arguments(INT, new BigDecimal("0.000")),
        arguments(INT, new BigDecimal("1E+3")),
        arguments(INT, 1.0d),
        arguments(INT, -0.0d),
        arguments(INT, 2.0f),
        // float: any finite number
        arguments(FLOAT, 1),
        arguments(FLOAT, 1L),
        arguments(FLOAT, BigInteger.TWO),
        arguments(FLOAT, new BigDecimal("1.5")),
        arguments(FLOAT, 1.5d),
        arguments(FLOAT, 0.0d),
        arguments(FLOAT, 1.5f),
        arguments(FLOAT, Double.MAX_VALUE),
        // bool: only booleans
        arguments(BOOL, true),
        arguments(BOOL, false),
        arguments(BOOL, Boolean.TRUE),
        // str: only strings, empty included
        arguments(STR, "text"),
        arguments(STR, ""),
        arguments(STR, "1"));
  }

  static Stream<Arguments> rejectedValues() {
    return Stream.of(
        arguments(INT, 1.5d),
        arguments(INT, -0.5d),
        arguments(INT, 1.5f),
        arguments(INT, new BigDecimal("1.5")),
        arguments(INT, new BigDecimal("1.0000001")),
        arguments(INT, Double.NaN),
        arguments(INT, Double.POSITIVE_INFINITY),
        arguments(INT, Float.NEGATIVE_INFINITY),
        arguments(INT, "1"),
        arguments(INT, true),
        arguments(INT, List.of(1)),
        arguments(INT, Map.of("a", 1)),
        arguments(INT, 'c'),
        arguments(FLOAT, "1.5"),
        arguments(FLOAT, "1"),
        arguments(FLOAT, true),
        arguments(FLOAT, Double.NaN),
        arguments(FLOAT, Double.POSITIVE_INFINITY),
        arguments(FLOAT, Double.NEGATIVE_INFINITY),
        arguments(FLOAT, Float.NaN),
        arguments(FLOAT, Float.POSITIVE_INFINITY),
        arguments(FLOAT, List.of(1.5)),
        arguments(BOOL, "true"),
        arguments(BOOL, 1),
        arguments(BOOL, 0),
        arguments(BOOL, "false"),
        arguments(BOOL, List.of(true)),
        arguments(STR, 1),
        arguments(STR, 1.5d),
        arguments(STR, true),
        arguments(STR, 'c'),
        arguments(STR, List.of("a")),
        arguments(STR, Map.of("a", "b")));
  }

  @ParameterizedTest(name = "{0} accepts {1}")
  @MethodSource("acceptedValues")
  void givenAValueOfTheType_accepts_isTrue(ParameterType type, Object value) {
    assertThat(type.accepts(value)).isTrue();
  }

  @ParameterizedTest(name = "{0} rejects {1}")
  @MethodSource("rejectedValues")
  void givenAValueOfAnotherType_accepts_isFalse(ParameterType type, Object value) {
    assertThat(type.accepts(value)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(ParameterType.class)
  void givenNull_accepts_isFalseLeavingAbsenceToTheSchema(ParameterType type) {
    assertThat(type.accepts(null)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "STR, str, string, string_type",
    "INT, int, integer, int_type",
    "FLOAT, float, number, float_type",
    "BOOL, bool, boolean, bool_type"
  })
  void givenAType_wireSchemaAndMismatchNames_areTheDocumentedOnes(
      ParameterType type, String wire, String jsonSchemaType, String mismatchType) {
    assertThat(type.wireValue()).isEqualTo(wire);
    assertThat(type.jsonSchemaType()).isEqualTo(jsonSchemaType);
    assertThat(type.mismatchType()).isEqualTo(mismatchType);
    assertThat(ParameterType.fromWire(wire)).isEqualTo(type);
  }

  @ParameterizedTest
  @ValueSource(strings = {"STR", "string", "integer", "double", "", "Int"})
  void givenAnUnknownWireValue_fromWire_isRefused(String wire) {
    assertThatThrownBy(() -> ParameterType.fromWire(wire))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
