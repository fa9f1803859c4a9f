package org.modelregistry.domain.testdata;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.modelregistry.domain.template.ParameterType;

/**
 * Creation parameters with every kind of JSON number, as the text a client sends and as the
 * document every adapter must read that text into (the domain's number policy). The HTTP and
 * persistence adapters both test against these, so that a document reads the same through either.
 * Plain {@code equals} on the documents compares the number types too: {@code Integer 7} does not
 * equal {@code Long 7}, nor {@code BigDecimal 1.5} {@code 1.50} or a {@code Double 1.5}.
 */
public final class TestNumbers {

  /** The parameters as JSON text, spelled as a client would. */
  public static final String PARAMETERS_JSON =
      """
      {"small": 7, "negative": -12, "long": 3000000000, "beyond_long": 92233720368547758070,
       "one_and_a_half": 1.5, "tenth": 0.1, "beyond_double": 1e400, "scaled": 1.50,
       "whole": 2.0}""";

  private TestNumbers() {}

  /** {@link #PARAMETERS_JSON} as a document: each number in the one type the policy gives it. */
  public static Map<String, Object> parameters() {
    var document = new LinkedHashMap<String, Object>();
    document.put("small", 7);
    document.put("negative", -12);
    document.put("long", 3_000_000_000L);
    document.put("beyond_long", new BigInteger("92233720368547758070"));
    document.put("one_and_a_half", new BigDecimal("1.5"));
    document.put("tenth", new BigDecimal("0.1"));
    document.put("beyond_double", new BigDecimal("1E+400"));
    document.put("scaled", new BigDecimal("1.50"));
    document.put("whole", new BigDecimal("2.0"));
    return Collections.unmodifiableMap(document);
  }

  /** The type a template declares for each parameter; {@code whole} is an int written as 2.0. */
  public static Map<String, ParameterType> parameterTypes() {
    var types = new LinkedHashMap<String, ParameterType>();
    parameters()
        .forEach(
            (name, value) ->
                types.put(
                    name,
                    value instanceof BigDecimal && !name.equals("whole")
                        ? ParameterType.FLOAT
                        : ParameterType.INT));
    return Collections.unmodifiableMap(types);
  }

  /** A {@code model_creation_parameters_schema} declaring {@link #parameterTypes}, as JSON text. */
  public static String parameterSchemaJson() {
    return parameterTypes().entrySet().stream()
        .map(
            e ->
                "{\"name\": \"%s\", \"type\": \"%s\", \"description\": \"a number\", \"required\": true}"
                    .formatted(e.getKey(), e.getValue().wireValue()))
        .collect(Collectors.joining(", ", "{\"parameters\": [", "]}"));
  }
}
