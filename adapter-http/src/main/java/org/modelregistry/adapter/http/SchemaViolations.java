package org.modelregistry.adapter.http;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.modelregistry.domain.error.Violation;
import tools.jackson.databind.JsonNode;

/**
 * Turns JSON Schema errors into violations in the API's error vocabulary: a location from the
 * request root ({@code body}, then field names and indexes), a message naming the field, and the
 * short types the domain uses too ({@code missing}, {@code string_type}, {@code enum}, ...).
 */
final class SchemaViolations {

  private SchemaViolations() {}

  static List<Violation> of(String schemaName, List<Error> errors) {
    // Keyed by location and type: anyOf branches and enum/const pairs report one fault many
    // times, and the caller should see it once.
    Map<String, Entry> merged = new LinkedHashMap<>();
    for (Error error : errors) {
      Entry entry = entryOf(schemaName, error);
      merged.merge(
          entry.path + "|" + entry.type,
          entry,
          (a, b) -> {
            a.allowed.addAll(b.allowed);
            return a;
          });
    }
    Set<List<Object>> wronglyTyped = new LinkedHashSet<>();
    merged.values().stream()
        .filter(e -> e.type.endsWith("_type"))
        .forEach(e -> wronglyTyped.add(e.path));
    List<Violation> result = new ArrayList<>();
    for (Entry e : merged.values()) {
      // A value of the wrong type cannot be a member of the enum either; say it once.
      if (e.type.equals("enum") && wronglyTyped.contains(e.path)) {
        continue;
      }
      result.add(new Violation(e.path, e.message(), e.type));
    }
    return result;
  }

  /** One fault, with the enum members that would have been accepted when it is an enum fault. */
  private static final class Entry {
    final List<Object> path;
    final String type;
    final String fixedMessage;
    final Set<String> allowed = new LinkedHashSet<>();

    Entry(List<Object> path, String type, String fixedMessage) {
      this.path = path;
      this.type = type;
      this.fixedMessage = fixedMessage;
    }

    String message() {
      return type.equals("enum")
          ? subject(path) + " must be one of " + String.join(", ", allowed)
          : fixedMessage;
    }
  }

  private static Entry entryOf(String schemaName, Error error) {
    List<Object> path = new ArrayList<>();
    path.add("body");
    NodePath at = error.getInstanceLocation();
    for (int i = 0; i < at.getNameCount(); i++) {
      Object element = at.getElement(i);
      path.add(element instanceof Integer index ? index : String.valueOf(element));
    }
    String keyword = error.getKeyword() == null ? "" : error.getKeyword();
    switch (keyword) {
      case "required" -> {
        path.add(error.getProperty());
        return new Entry(List.copyOf(path), "missing", subject(path) + " is required");
      }
      case "additionalProperties" -> {
        path.add(error.getProperty());
        return new Entry(
            List.copyOf(path),
            "extra_forbidden",
            subject(path) + " is not a field of " + schemaName);
      }
      case "type" -> {
        String expected = textOf(error.getSchemaNode());
        return new Entry(
            List.copyOf(path), typeCode(expected), subject(path) + " must be " + article(expected));
      }
      case "enum", "const" -> {
        Entry entry = new Entry(List.copyOf(path), "enum", null);
        JsonNode allowed = error.getSchemaNode();
        if (allowed != null && allowed.isArray()) {
          allowed.values().forEach(v -> entry.allowed.add(textOf(v)));
        } else if (allowed != null) {
          entry.allowed.add(textOf(allowed));
        }
        return entry;
      }
      default -> {
        return new Entry(
            List.copyOf(path), typeOf(keyword), subject(path) + ": " + error.getMessage());
      }
    }
  }

  /** The API's name for a JSON type mismatch, as the domain's document readers name it too. */
  private static String typeCode(String expectedJsonType) {
    return switch (expectedJsonType) {
      case "string" -> "string_type";
      case "integer" -> "int_type";
      case "number" -> "float_type";
      case "boolean" -> "bool_type";
      case "object" -> "dict_type";
      case "array" -> "list_type";
      case "null" -> "none_type";
      default -> "type_error";
    };
  }

  private static String typeOf(String keyword) {
    return switch (keyword) {
      case "minLength" -> "string_too_short";
      case "maxLength" -> "string_too_long";
      case "pattern" -> "string_pattern_mismatch";
      case "minimum" -> "greater_than_equal";
      case "maximum" -> "less_than_equal";
      case "exclusiveMinimum" -> "greater_than";
      case "exclusiveMaximum" -> "less_than";
      case "minItems" -> "too_short";
      case "maxItems" -> "too_long";
      default -> "value_error";
    };
  }

  private static String article(String jsonType) {
    return switch (jsonType) {
      case "string" -> "a string";
      case "integer" -> "an integer";
      case "number" -> "a number";
      case "boolean" -> "a boolean";
      case "object" -> "an object";
      case "array" -> "an array";
      case "null" -> "null";
      default -> "of type " + jsonType;
    };
  }

  /** How a message names the value at {@code path}: its field, with any indexes below it. */
  static String subject(List<Object> path) {
    StringBuilder indexes = new StringBuilder();
    for (int i = path.size() - 1; i >= 0; i--) {
      Object segment = path.get(i);
      if (segment instanceof Integer index) {
        indexes.insert(0, "[" + index + "]");
      } else {
        return segment + indexes.toString();
      }
    }
    return "body" + indexes;
  }

  private static String textOf(JsonNode node) {
    if (node == null) {
      return "";
    }
    return node.isString() ? node.stringValue() : node.toString();
  }
}
