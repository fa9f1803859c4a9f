package org.modelregistry.domain.template;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.modelregistry.domain.error.Violation;
import org.modelregistry.domain.error.Violations;

/**
 * The parameters a template accepts at model creation or at request time. Names are unique and
 * non-empty; {@link #check} validates a set of values against it.
 */
public record ParameterSchema(List<ParameterField> parameters) {

  public static final int MAX_PARAMETERS = 200;

  public ParameterSchema {
    parameters = List.copyOf(Objects.requireNonNull(parameters, "parameters"));
    var violations = Violations.collect();
    // Every model copies its template's request parameters into its request schema: a bound
    // here keeps model documents and list pages a sane size.
    violations.require(
        parameters.size() <= MAX_PARAMETERS,
        "too_long",
        "a schema declares at most " + MAX_PARAMETERS + " parameters",
        "parameters");
    var seen = new HashSet<String>();
    for (int i = 0; i < parameters.size(); i++) {
      String name = parameters.get(i).name();
      violations.require(
          seen.add(name),
          "value_error",
          "parameter name '" + name + "' is declared more than once",
          "parameters",
          i,
          "name");
    }
    violations.throwIfAny();
  }

  public static ParameterSchema empty() {
    return new ParameterSchema(List.of());
  }

  /**
   * Every violation of {@code values} against this schema: a required parameter missing (null
   * counts as missing), a parameter the schema does not declare, or a value of the wrong type.
   * Paths are parameter names.
   */
  public List<Violation> check(Map<String, Object> values) {
    var violations = Violations.collect();
    Map<String, ParameterField> byName = new LinkedHashMap<>();
    parameters.forEach(p -> byName.put(p.name(), p));
    for (ParameterField p : parameters) {
      Object value = values.get(p.name());
      if (value == null) {
        violations.require(
            !p.required(), "missing", "required parameter '" + p.name() + "' is missing", p.name());
      } else if (!p.type().accepts(value)) {
        violations.add(
            p.type().mismatchType(),
            "parameter '" + p.name() + "' must be of type " + p.type().wireValue(),
            p.name());
      }
    }
    for (String name : values.keySet()) {
      violations.require(
          byName.containsKey(name),
          "extra_forbidden",
          "parameter '" + name + "' is not declared by the template",
          name);
    }
    return violations.list();
  }
}
