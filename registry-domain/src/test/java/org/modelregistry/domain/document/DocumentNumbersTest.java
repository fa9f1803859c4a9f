package org.modelregistry.domain.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.modelregistry.domain.testdata.TestNumbers;

class DocumentNumbersTest {

  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  static Stream<Arguments> integers() {
    return Stream.of(
        Arguments.of((byte) -3, -3),
        Arguments.of((short) 300, 300),
        Arguments.of(7, 7),
        Arguments.of(Integer.MIN_VALUE, Integer.MIN_VALUE),
        Arguments.of(7L, 7),
        Arguments.of(1L + Integer.MAX_VALUE, 1L + Integer.MAX_VALUE),
        Arguments.of(Long.MIN_VALUE, Long.MIN_VALUE),
        Arguments.of(BigInteger.valueOf(-12), -12),
        Arguments.of(LONG_MAX, Long.MAX_VALUE),
        Arguments.of(BigInteger.valueOf(Long.MIN_VALUE), Long.MIN_VALUE),
        Arguments.of(LONG_MAX.add(BigInteger.ONE), LONG_MAX.add(BigInteger.ONE)),
        Arguments.of(
            new BigInteger("-92233720368547758070"), new BigInteger("-92233720368547758070")));
  }

  @ParameterizedTest
  @MethodSource("integers")
  void givenAnIntegerOfAnyJavaType_normalize_returnsTheSmallestOfIntegerLongAndBigInteger(
      Number given, Number expected) {
    Object normalized = DocumentNumbers.normalize(given);

    assertThat(normalized).isEqualTo(expected).isExactlyInstanceOf(expected.getClass());
    assertThat(DocumentNumbers.isInteger(normalized)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.5", "0.1", "1.50", "2.0", "1E+400", "-1.5E-40", "0.0"})
  void givenABigDecimal_normalize_keepsItAsWrittenScaleIncluded(String text) {
    Object normalized = DocumentNumbers.normalize(new BigDecimal(text));

    assertThat(normalized).isInstanceOf(BigDecimal.class).hasToString(text);
    assertThat(DocumentNumbers.isDecimal(normalized)).isTrue();
  }

  static Stream<Arguments> binaryFloatingPoint() {
    return Stream.of(
        Arguments.of(0.1d, "0.1"),
        Arguments.of(1.5d, "1.5"),
        Arguments.of(2.0d, "2.0"),
        Arguments.of(-0.0d, "0.0"),
        Arguments.of(1e300, "1.0E+300"),
        Arguments.of(0.1f, "0.1"),
        Arguments.of(1.5f, "1.5"));
  }

  @ParameterizedTest
  @MethodSource("binaryFloatingPoint")
  void givenADoubleOrFloat_normalize_returnsTheDecimalOfItsShortestText(
      Number given, String expected) {
    assertThat(DocumentNumbers.normalize(given))
        .isEqualTo(new BigDecimal(expected))
        .hasToString(expected);
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void givenANumberJsonCannotHold_normalize_rejectsIt(double value) {
    assertThatThrownBy(() -> DocumentNumbers.normalize(value))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DocumentNumbers.normalize((float) value))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenValuesThatAreNoJson_normalize_rejectsThem() {
    assertThatThrownBy(() -> DocumentNumbers.normalize(new AtomicInteger(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DocumentNumbers.normalize(new Object()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DocumentNumbers.normalize(Map.of(1, "one")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenNestedMapsAndLists_normalize_convertsAllTheWayDownKeepingOrderAndNulls() {
    var list = new ArrayList<Object>();
    list.add(null);
    list.add(5L);
    list.add(Map.of("d", 0.1d));
    var document = new LinkedHashMap<String, Object>();
    document.put("z", list);
    document.put("a", new LinkedHashSet<>(List.of((short) 1, "x")));
    document.put("m", null);
    document.put("t", true);

    Map<String, Object> normalized = DocumentNumbers.normalizeDocument(document);

    var expectedList = new ArrayList<Object>();
    expectedList.add(null);
    expectedList.add(5);
    expectedList.add(Map.of("d", new BigDecimal("0.1")));
    var expected = new LinkedHashMap<String, Object>();
    expected.put("z", expectedList);
    expected.put("a", List.of(1, "x"));
    expected.put("m", null);
    expected.put("t", true);
    assertThat(normalized).isEqualTo(expected);
    assertThat(normalized.keySet()).containsExactly("z", "a", "m", "t");
  }

  @Test
  void givenADocument_normalize_returnsOneThatCannotBeChangedAllTheWayDown() {
    Map<String, Object> normalized =
        DocumentNumbers.normalizeDocument(Map.of("list", List.of(Map.of("k", 1))));

    assertThatThrownBy(() -> normalized.put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
    @SuppressWarnings("unchecked")
    List<Object> list = (List<Object>) normalized.get("list");
    assertThatThrownBy(() -> list.add(2)).isInstanceOf(UnsupportedOperationException.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> inner = (Map<String, Object>) list.get(0);
    assertThatThrownBy(inner::clear).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void givenANormalizedDocument_normalize_changesNothing() {
    Map<String, Object> document = TestNumbers.parameters();

    assertThat(DocumentNumbers.normalizeDocument(document)).isEqualTo(document);
    assertThat(DocumentNumbers.normalizeDocument(null)).isNull();
  }

  @Test
  void givenEveryKindOfValue_isNumber_acceptsOnlyTheDocumentForms() {
    assertThat(List.<Object>of(7, 7L, BigInteger.TEN, BigDecimal.ONE))
        .allMatch(DocumentNumbers::isNumber);
    assertThat(List.<Object>of(7.0d, 7.0f, (short) 7, (byte) 7, "7", true))
        .noneMatch(DocumentNumbers::isNumber);
  }

  static Stream<Arguments> exactLongs() {
    return Stream.of(
        Arguments.of(7, 7L),
        Arguments.of(Long.MAX_VALUE, Long.MAX_VALUE),
        Arguments.of(new BigDecimal("7.0"), 7L),
        Arguments.of(new BigDecimal("1E+2"), 100L),
        Arguments.of(new BigDecimal("-0.0"), 0L),
        Arguments.of(2.0d, 2L),
        Arguments.of((short) 3, 3L),
        Arguments.of(new BigDecimal("1.5"), null),
        Arguments.of(new BigDecimal("1E+400"), null),
        Arguments.of(new BigDecimal("9223372036854775808"), null),
        Arguments.of(LONG_MAX.add(BigInteger.ONE), null),
        Arguments.of(0.5d, null),
        Arguments.of(Double.NaN, null),
        Arguments.of(Double.POSITIVE_INFINITY, null),
        Arguments.of("7", null),
        Arguments.of(true, null));
  }

  @ParameterizedTest
  @MethodSource("exactLongs")
  void givenAValue_exactLong_isTheWholeNumberItDenotesWithinLongRangeOrNull(
      Object value, Long expected) {
    assertThat(DocumentNumbers.exactLong(value)).isEqualTo(expected);
  }
}
