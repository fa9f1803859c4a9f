package org.modelregistry.domain.document;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.modelregistry.domain.error.Violations;

/**
 * Reads typed fields out of a plain JSON document (String, Boolean, numbers, List, Map), recording
 * a violation at the field's path for every value of the wrong type instead of failing on the
 * first. A field that is absent or null reads as null. Numbers are read as {@link DocumentNumbers}
 * represents them. Shared by every document codec.
 */
public final class DocumentReader {

  private final Map<String, Object> document;
  private final Violations violations;

  public DocumentReader(Map<String, Object> document, Violations violations) {
    this.document = document == null ? Map.of() : document;
    this.violations = violations;
  }

  public Violations violations() {
    return violations;
  }

  public boolean has(String key) {
    return document.get(key) != null;
  }

  /** Records every field outside {@code allowed}, in name order, as not allowed here. */
  public void rejectUnknown(Set<String> allowed, String why) {
    document.keySet().stream()
        .filter(key -> !allowed.contains(key))
        .sorted()
        .forEach(key -> violations.add("extra_forbidden", key + " " + why, key));
  }

  public void requirePresent(String key) {
    violations.require(has(key), Violations.MISSING, key + " is required", key);
  }

  public String string(String key) {
    Object value = document.get(key);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    violations.add("string_type", key + " must be a string", key);
    return null;
  }

  public String requiredString(String key) {
    requirePresent(key);
    return string(key);
  }

  public Boolean bool(String key) {
    Object value = document.get(key);
    if (value == null || value instanceof Boolean) {
      return (Boolean) value;
    }
    violations.add("bool_type", key + " must be a boolean", key);
    return null;
  }

  /**
   * An integral number as a long: integers and decimals without fraction ({@code 7}, {@code 7.0})
   * alike, as {@link DocumentNumbers} represents them. Anything else, including a number outside
   * the range of a long, is recorded as not an integer.
   */
  public Long longValue(String key) {
    Object value = document.get(key);
    if (value == null) {
      return null;
    }
    Long exact = DocumentNumbers.exactLong(value);
    if (exact == null) {
      violations.add("int_type", key + " must be an integer", key);
    }
    return exact;
  }

  @SuppressWarnings("unchecked")
  public Map<String, Object> object(String key) {
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

  public Map<String, Object> requiredObject(String key) {
    requirePresent(key);
    return object(key);
  }

  public <E extends Enum<E>> E enumValue(String key, Class<E> type) {
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
  public <E extends Enum<E>> List<E> enumList(String key, Class<E> type) {
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
  public List<String> stringList(String key) {
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

  /** The list at {@code key}, copied; null when absent or not a list (recorded). */
  public List<Object> list(String key) {
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

  public Integer integer(String key) {
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

  /** An enum-like value read with {@code parse}, which throws IllegalArgumentException when bad. */
  public <E> E enumValue(String key, Function<String, E> parse, List<String> allowed) {
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

  public <E> E requiredEnum(String key, Function<String, E> parse, List<String> allowed) {
    requirePresent(key);
    return enumValue(key, parse, allowed);
  }

  /** A map of strings; values of another type are recorded at their key and left out. */
  public Map<String, String> stringMap(String key) {
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
}
