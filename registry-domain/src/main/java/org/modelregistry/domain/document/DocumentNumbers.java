package org.modelregistry.domain.document;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How numbers are represented in a plain JSON document: the one policy that every adapter turning
 * JSON into documents (request bodies, stored columns) applies through {@link #normalize} and that
 * the document readers rely on.
 *
 * <ul>
 *   <li>An <b>integer</b> (a JSON number without fraction or exponent, such as {@code 7} or {@code
 *       92233720368547758070}) is the smallest of {@link Integer}, {@link Long} and {@link
 *       BigInteger} that holds it.
 *   <li>Any other number (<b>decimal</b>, such as {@code 1.5}, {@code 0.1}, {@code 1.50} or {@code
 *       1e400}) is a {@link BigDecimal} exactly as written, scale included: {@code 0.1} stays one
 *       tenth and {@code 1e400} does not overflow, which a {@code double} could not promise.
 * </ul>
 *
 * <p>No other number type appears in a normalized document. A parser feeding {@link #normalize}
 * must hand decimals over losslessly (as {@code BigDecimal}): once a {@code double} has rounded
 * {@code 0.1} or overflowed on {@code 1e400}, no policy can restore the value that was written.
 */
public final class DocumentNumbers {

  private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
  private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);

  private DocumentNumbers() {}

  /** Whether {@code value} is an integer in its document form (Integer, Long or BigInteger). */
  public static boolean isInteger(Object value) {
    return value instanceof Integer || value instanceof Long || value instanceof BigInteger;
  }

  /** Whether {@code value} is a decimal in its document form (a BigDecimal). */
  public static boolean isDecimal(Object value) {
    return value instanceof BigDecimal;
  }

  /** Whether {@code value} is a number in its document form: an integer or a decimal. */
  public static boolean isNumber(Object value) {
    return isInteger(value) || isDecimal(value);
  }

  /**
   * The document form of a plain JSON value, whatever a parser or a caller produced: integers
   * (Byte, Short, Integer, Long, BigInteger) as the smallest of Integer, Long and BigInteger;
   * BigDecimal as it is; Float and Double as the BigDecimal of their shortest decimal text ({@code
   * 0.1} for {@code 0.1d}), the way they are written as JSON. Maps (string keys) and lists (any
   * collection, in its order) are copied, unmodifiable and in order, with their contents
   * normalized; strings, booleans and null stay as they are. Normalizing twice changes nothing.
   *
   * @throws IllegalArgumentException for a value JSON cannot hold: NaN or an infinite number, a map
   *     key that is not a string, or any other type
   */
  public static Object normalize(Object value) {
    if (value == null || value instanceof String || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Number number) {
      return normalizeNumber(number);
    }
    if (value instanceof Map<?, ?> map) {
      return normalizeMap(map);
    }
    if (value instanceof Collection<?> items) {
      // Collections.unmodifiableList, not List.copyOf: JSON arrays may hold nulls.
      var copy = new ArrayList<Object>(items.size());
      items.forEach(item -> copy.add(normalize(item)));
      return Collections.unmodifiableList(copy);
    }
    throw new IllegalArgumentException(
        "a JSON document cannot hold a " + value.getClass().getName());
  }

  /**
   * {@link #normalize} for a whole document; null for null.
   *
   * @throws IllegalArgumentException as {@link #normalize} does
   */
  public static Map<String, Object> normalizeDocument(Map<String, ?> document) {
    return document == null ? null : normalizeMap(document);
  }

  /**
   * The whole number a JSON number denotes, as a long: {@code 7}, {@code 7.0} and {@code 7E+0}
   * alike (read through the document form, so a {@code Double} counts as its decimal text). Null
   * when {@code value} is not a number, has a fraction, or lies outside the range of a long.
   */
  public static Long exactLong(Object value) {
    if (!(value instanceof Number number)) {
      return null;
    }
    Number normalized;
    try {
      normalized = normalizeNumber(number);
    } catch (IllegalArgumentException e) {
      // NaN and infinities denote no number at all.
      return null;
    }
    return switch (normalized) {
      case Integer i -> i.longValue();
      case Long l -> l;
      case BigDecimal decimal -> longValueExactOrNull(decimal);
      default -> null; // a BigInteger in document form lies outside the range of a long
    };
  }

  private static Long longValueExactOrNull(BigDecimal decimal) {
    try {
      // Fails fast on huge exponents (1E+400) without expanding them into digits.
      return decimal.longValueExact();
    } catch (ArithmeticException e) {
      return null;
    }
  }

  private static Number normalizeNumber(Number number) {
    return switch (number) {
      case Integer i -> i;
      case Long l -> l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? (Number) l.intValue() : l;
      case Short s -> s.intValue();
      case Byte b -> b.intValue();
      case BigInteger big -> smallestInteger(big);
      case BigDecimal decimal -> decimal;
      case Double d -> decimalOf(Double.isFinite(d), Double.toString(d));
      case Float f -> decimalOf(Float.isFinite(f), Float.toString(f));
      default ->
          throw new IllegalArgumentException(
              "a JSON document cannot hold a " + number.getClass().getName());
    };
  }

  private static Number smallestInteger(BigInteger value) {
    if (value.bitLength() >= Long.SIZE) {
      return value;
    }
    return value.compareTo(INT_MIN) >= 0 && value.compareTo(INT_MAX) <= 0
        ? (Number) value.intValue()
        : (Number) value.longValue();
  }

  private static BigDecimal decimalOf(boolean finite, String text) {
    if (!finite) {
      throw new IllegalArgumentException("a JSON document cannot hold " + text);
    }
    return new BigDecimal(text);
  }

  private static Map<String, Object> normalizeMap(Map<?, ?> map) {
    var copy = new LinkedHashMap<String, Object>();
    map.forEach(
        (key, value) -> {
          if (!(key instanceof String name)) {
            throw new IllegalArgumentException("a JSON object's keys must be strings, not " + key);
          }
          copy.put(name, normalize(value));
        });
    return Collections.unmodifiableMap(copy);
  }
}
