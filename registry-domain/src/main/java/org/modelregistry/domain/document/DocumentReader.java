package org.modelregistry.domain.document;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.modelregistry.domain.error.Violations;

/**
 * Reads typed fields out of a plain JSON document (String, Boolean, numbers, List, Map), recording
 * a violation at the field's path for every value of the wrong type instead of failing on the
 * first. A field that is absent or null reads as null.
 */
final class DocumentReader {

  private final Map<String, Object> document;
  private final Violations violations;

  DocumentReader(Map<String, Object> document, Violations violations) {
    this.document = document == null ? Map.of() : document;
    this.violations = violations;
  }

  Violations violations() {
    return violations;
  }

  boolean has(String key) {
    return document.get(key) != null;
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

  Integer integer(String key) {
    Long value = longValue(key);
    if (value == null) {
      return null;
    }
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      violations.add("int_range", key + " is out of range", key);
      return null;
    }
    return value.intValue();
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

  Boolean bool(String key) {
    Object value = document.get(key);
    if (value == null || value instanceof Boolean) {
      return (Boolean) value;
    }
    violations.add("bool_type", key + " must be a boolean", key);
    return null;
  }

  <E> E enumValue(String key, Function<String, E> parse, List<String> allowed) {
    String text = string(key);
    if (text == null) {
      return null;
    }
    try {
      return parse.apply(text);
    } catch (IllegalArgumentException e) {
      violations.add("enum", key + " must be one of " + String.join(", ", allowed), key);
      return null;
    }
  }

  <E> E requiredEnum(String key, Function<String, E> parse, List<String> allowed) {
    requirePresent(key);
    return enumValue(key, parse, allowed);
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

  List<Object> list(String key) {
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

  List<String> stringList(String key) {
    List<Object> values = list(key);
    if (values == null) {
      return null;
    }
    List<String> result = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) instanceof String s) {
        result.add(s);
      } else {
        violations.add("string_type", key + " items must be strings", key, i);
      }
    }
    return result;
  }

  Map<String, String> stringMap(String key) {
    Map<String, Object> values = object(key);
    if (values == null) {
      return null;
    }
    Map<String, String> result = new LinkedHashMap<>();
    values.forEach(
        (k, v) -> {
          if (v instanceof String s) {
            result.put(k, s);
          } else {
            violations.add("string_type", key + " values must be strings", key, k);
          }
        });
    return result;
  }

  private void requirePresent(String key) {
    violations.require(has(key), Violations.MISSING, key + " is required", key);
  }
}
