package org.modelregistry.domain.registration;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.modelregistry.domain.error.Violations;

/**
 * Reads typed fields out of a plain JSON document (String, Boolean, numbers, List, Map), recording
 * a violation at the field's path for every value of the wrong type instead of failing on the
 * first. A field that is absent or null reads as null. Messages name the field, never its value:
 * registration documents carry signed URLs and passwords.
 *
 * <p>A sibling of {@code document.DocumentReader}, which is package-private to its package.
 */
final class BodyReader {

  private final Map<String, Object> document;
  private final Violations violations;

  BodyReader(Map<String, Object> document, Violations violations) {
    this.document = document == null ? Map.of() : document;
    this.violations = violations;
  }

  Violations violations() {
    return violations;
  }

  boolean has(String key) {
    return document.get(key) != null;
  }

  /** Records every field outside {@code allowed}, in name order, as not allowed here. */
  void rejectUnknown(Set<String> allowed, String why) {
    document.keySet().stream()
        .filter(key -> !allowed.contains(key))
        .sorted()
        .forEach(key -> violations.add("extra_forbidden", key + " " + why, key));
  }

  void requirePresent(String key) {
    violations.require(has(key), Violations.MISSING, key + " is required", key);
  }

  String string(String key) {
    Object value = document.get(key);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    violations.add("string_type", key + " must be a string", key);
    return null;
  }

  String requiredString(String key) {
    requirePresent(key);
    return string(key);
  }

  Boolean bool(String key) {
    Object value = document.get(key);
    if (value == null || value instanceof Boolean) {
      return (Boolean) value;
    }
    violations.add("bool_type", key + " must be a boolean", key);
    return null;
  }

  Long longValue(String key) {
    Object value = document.get(key);
    if (value == null) {
      return null;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger big && big.bitLength() < 64) {
      return big.longValue();
    }
    // JSON parsers may hand whole numbers over as doubles; only exactly representable ones count.
    if (value instanceof Double d
        && Double.isFinite(d)
        && d == Math.rint(d)
        && Math.abs(d) < 0x1p53) {
      return d.longValue();
    }
    if (value instanceof BigDecimal decimal) {
      try {
        return decimal.longValueExact();
      } catch (ArithmeticException e) {
        // falls through to the violation below: not an integral value in range
      }
    }
    violations.add("int_type", key + " must be an integer", key);
    return null;
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> object(String key) {
    Object value = document.get(key);
    if (value == null) {
      return null;
    }
    if (value instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    violations.add("dict_type", key + " must be an object", key);
    return null;
  }

  Map<String, Object> requiredObject(String key) {
    requirePresent(key);
    return object(key);
  }

  <E extends Enum<E>> E enumValue(String key, Class<E> type) {
    String text = string(key);
    if (text == null) {
      return null;
    }
    E value = parseEnum(text, type);
    if (value == null) {
      violations.add("enum", key + " must be one of " + names(type), key);
    }
    return value;
  }

  /** The list's items as enum values; null when absent or when any item is not one. */
  <E extends Enum<E>> List<E> enumList(String key, Class<E> type) {
    List<Object> items = list(key);
    if (items == null) {
      return null;
    }
    var result = new ArrayList<E>(items.size());
    boolean valid = true;
    for (int i = 0; i < items.size(); i++) {
      E value = items.get(i) instanceof String text ? parseEnum(text, type) : null;
      if (value == null) {
        violations.add("enum", key + " items must be one of " + names(type), key, i);
        valid = false;
      }
      result.add(value);
    }
    return valid ? result : null;
  }

  /** The list's items as strings; null when absent or when any item is not a string. */
  List<String> stringList(String key) {
    List<Object> items = list(key);
    if (items == null) {
      return null;
    }
    var result = new ArrayList<String>(items.size());
    boolean valid = true;
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) instanceof String text) {
        result.add(text);
      } else {
        violations.add("string_type", key + " items must be strings", key, i);
        valid = false;
      }
    }
    return valid ? result : null;
  }

  private List<Object> list(String key) {
    Object value = document.get(key);
    if (value == null) {
      return null;
    }
    if (value instanceof List<?> list) {
      return new ArrayList<>(list);
    }
    violations.add("list_type", key + " must be an array", key);
    return null;
  }

  private static <E extends Enum<E>> E parseEnum(String text, Class<E> type) {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(text)) {
        return constant;
      }
    }
    return null;
  }

  private static <E extends Enum<E>> String names(Class<E> type) {
    return String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
  }
}
