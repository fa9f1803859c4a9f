package org.modelregistry.domain.template;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The four types a template parameter may have, with the JSON values each accepts. Values are the
 * plain Java forms of JSON: String, Boolean, Integer/Long/BigInteger, Float/Double/BigDecimal.
 */
public enum ParameterType {
  STR("str", "string", "string_type"),
  INT("int", "integer", "int_type"),
  FLOAT("float", "number", "float_type"),
  BOOL("bool", "boolean", "bool_type");

  private final String wireValue;
  private final String jsonSchemaType;
  private final String mismatchType;

  ParameterType(String wireValue, String jsonSchemaType, String mismatchType) {
    this.wireValue = wireValue;
    this.jsonSchemaType = jsonSchemaType;
    this.mismatchType = mismatchType;
  }

  /** The violation type reported for a value of another type (the API's usual type codes). */
  public String mismatchType() {
    return mismatchType;
  }

  public String wireValue() {
    return wireValue;
  }

  /** The JSON Schema type keyword value that describes the same values. */
  public String jsonSchemaType() {
    return jsonSchemaType;
  }

  public static ParameterType fromWire(String value) {
    for (ParameterType t : values()) {
      if (t.wireValue.equals(value)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown parameter type: " + value);
  }

  /**
   * Whether a JSON value is of this type. {@code int} takes only integral numbers (1 and 1.0, not
   * 1.5, not "1", not true), {@code float} any number, {@code bool} only true or false, {@code str}
   * only strings.
   */
  public boolean accepts(Object value) {
    return switch (this) {
      case STR -> value instanceof String;
      case BOOL -> value instanceof Boolean;
      case FLOAT -> isNumber(value) && isFinite(value);
      case INT -> isNumber(value) && isIntegral(value);
    };
  }

  private static boolean isNumber(Object value) {
    return value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte
        || value instanceof BigInteger
        || value instanceof BigDecimal
        || value instanceof Double
        || value instanceof Float;
  }

  private static boolean isFinite(Object value) {
    if (value instanceof Double d) {
      return Double.isFinite(d);
    }
    if (value instanceof Float f) {
      return Float.isFinite(f);
    }
    return true;
  }

  private static boolean isIntegral(Object value) {
    if (value instanceof BigDecimal d) {
      return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
    }
    if (value instanceof Double d) {
      return Double.isFinite(d) && d == Math.rint(d);
    }
    if (value instanceof Float f) {
      return Float.isFinite(f) && f == Math.rint(f);
    }
    return true;
  }
}
