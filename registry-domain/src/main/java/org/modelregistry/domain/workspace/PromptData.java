package org.modelregistry.domain.workspace;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.modelregistry.domain.document.DocumentNumbers;
import org.modelregistry.domain.document.DocumentReader;
import org.modelregistry.domain.error.ValidationException;
import org.modelregistry.domain.error.Violations;

/**
 * A model entity's prompt engineering configuration, the reference's {@code PromptData}. The
 * registry stores it for the code that prompts the model and never interprets it; every field may
 * be null.
 *
 * <p>{@code inferenceParams} is the reference's open {@code InferenceParams} object: any plain JSON
 * values, kept in {@link DocumentNumbers} form and in their given order. The parameters the
 * reference names are checked against its bounds: {@code temperature} in [0, 2], {@code top_p} in
 * [0, 1], {@code max_tokens} and {@code max_completion_tokens} at least 1, {@code model} a string
 * and {@code stop} a list of strings.
 *
 * @param systemPrompt {@code system_prompt}
 * @param iclFewShotExamples {@code icl_few_shot_examples}
 * @param inferenceParams {@code inference_params}
 * @param systemPromptTemplate {@code system_prompt_template}
 */
public record PromptData(
    String systemPrompt,
    String iclFewShotExamples,
    Map<String, Object> inferenceParams,
    String systemPromptTemplate) {

  private static final String INFERENCE_PARAMS = "inference_params";

  public PromptData {
    var violations = Violations.collect();
    inferenceParams =
        FreeFormObjects.copy(inferenceParams, violations.at(INFERENCE_PARAMS), INFERENCE_PARAMS);
    if (inferenceParams != null) {
      checkInferenceParams(inferenceParams, violations.at(INFERENCE_PARAMS));
    }
    violations.throwIfAny();
  }

  /**
   * The prompt data a {@code PromptData} document states; null for null. Fields the reference does
   * not name are left out.
   *
   * @throws ValidationException listing every field of the wrong type or out of bounds, at its path
   *     within the document
   */
  public static PromptData fromDocument(Map<String, Object> document) {
    if (document == null) {
      return null;
    }
    var violations = Violations.collect();
    var reader = new DocumentReader(document, violations);
    String system = reader.string("system_prompt");
    String examples = reader.string("icl_few_shot_examples");
    Map<String, Object> params = reader.object(INFERENCE_PARAMS);
    String template = reader.string("system_prompt_template");
    PromptData prompt =
        violations.attempt(() -> new PromptData(system, examples, params, template));
    violations.throwIfAny();
    return prompt;
  }

  /** This prompt data as a {@code PromptData} document, absent fields left out. */
  public Map<String, Object> toDocument() {
    var document = new LinkedHashMap<String, Object>();
    putIfSet(document, "system_prompt", systemPrompt);
    putIfSet(document, "icl_few_shot_examples", iclFewShotExamples);
    putIfSet(document, INFERENCE_PARAMS, inferenceParams);
    putIfSet(document, "system_prompt_template", systemPromptTemplate);
    return Collections.unmodifiableMap(document);
  }

  /** Whether no field is set: such prompt data says nothing. */
  public boolean isEmpty() {
    return systemPrompt == null
        && iclFewShotExamples == null
        && inferenceParams == null
        && systemPromptTemplate == null;
  }

  private static void checkInferenceParams(Map<String, Object> params, Violations at) {
    var reader = new DocumentReader(params, at);
    reader.string("model");
    reader.stringList("stop");
    for (String key : List.of("max_tokens", "max_completion_tokens")) {
      BigDecimal count = number(params, key, "int_type", at);
      if (count == null) {
        continue;
      }
      // As in JSON Schema, 7.0 is an integer; there is no upper bound.
      if (count.stripTrailingZeros().scale() > 0) {
        at.add("int_type", key + " must be an integer", key);
      } else {
        at.require(
            count.compareTo(BigDecimal.ONE) >= 0,
            "greater_than_equal",
            key + " must be at least 1",
            key);
      }
    }
    checkBetween(params, "temperature", BigDecimal.TWO, at);
    checkBetween(params, "top_p", BigDecimal.ONE, at);
  }

  /** Checks that {@code key}, when set, is a number from 0 to {@code max}. */
  private static void checkBetween(
      Map<String, Object> params, String key, BigDecimal max, Violations at) {
    BigDecimal value = number(params, key, "float_type", at);
    if (value == null) {
      return;
    }
    at.require(value.signum() >= 0, "greater_than_equal", key + " must be at least 0", key);
    at.require(
        value.compareTo(max) <= 0,
        "less_than_equal",
        key + " must be at most " + max.toPlainString(),
        key);
  }

  /** The number at {@code key}, exactly; null when absent or (recorded as {@code type}) not one. */
  private static BigDecimal number(
      Map<String, Object> params, String key, String type, Violations at) {
    Object value = params.get(key);
    if (value == null) {
      return null;
    }
    if (!DocumentNumbers.isNumber(value)) {
      at.add(
          type, key + (type.equals("int_type") ? " must be an integer" : " must be a number"), key);
      return null;
    }
    // Document numbers print as exact decimal text (Integer, Long, BigInteger or BigDecimal).
    return value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
  }

  private static void putIfSet(Map<String, Object> document, String key, Object value) {
    if (value != null) {
      document.put(key, value);
    }
  }
}
