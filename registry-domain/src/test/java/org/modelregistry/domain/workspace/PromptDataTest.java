package org.modelregistry.domain.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modelregistry.domain.testdata.TestViolations.violation;
import static org.modelregistry.domain.testdata.TestViolations.violationsOf;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.modelregistry.domain.error.Violation;

class PromptDataTest {

  private static Map<String, Object> params(Object... keysAndValues) {
    var params = new LinkedHashMap<String, Object>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      params.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return params;
  }

  private static PromptData withParams(Map<String, Object> params) {
    return new PromptData(null, null, params, null);
  }

  @Test
  void givenADocument_fromDocument_readsTheReferenceFieldsAndDropsOthers() {
    var prompt =
        PromptData.fromDocument(
            params(
                "system_prompt", "You are terse.",
                "icl_few_shot_examples", "Q: 1+1 A: 2",
                "inference_params", params("temperature", 0.2, "max_tokens", 64L, "seed", 7),
                "system_prompt_template", "{{icl_few_shot_examples}}",
                "colour", "blue"));

    assertThat(prompt.systemPrompt()).isEqualTo("You are terse.");
    assertThat(prompt.iclFewShotExamples()).isEqualTo("Q: 1+1 A: 2");
    assertThat(prompt.systemPromptTemplate()).isEqualTo("{{icl_few_shot_examples}}");
    assertThat(prompt.inferenceParams())
        .containsExactly(
            Map.entry("temperature", new BigDecimal("0.2")),
            Map.entry("max_tokens", 64),
            Map.entry("seed", 7));
    assertThat(prompt.toDocument())
        .containsOnlyKeys(
            "system_prompt", "icl_few_shot_examples", "inference_params", "system_prompt_template");
    assertThat(PromptData.fromDocument(prompt.toDocument())).isEqualTo(prompt);
    assertThat(PromptData.fromDocument(null)).isNull();
  }

  @Test
  void givenOnlySomeFields_toDocument_leavesTheOthersOut() {
    var prompt = new PromptData("sys", null, null, null);

    assertThat(prompt.toDocument()).containsExactly(Map.entry("system_prompt", "sys"));
    assertThat(prompt.isEmpty()).isFalse();
    assertThat(new PromptData(null, null, null, null).isEmpty()).isTrue();
    assertThat(new PromptData(null, null, Map.of(), null).isEmpty()).isFalse();
  }

  @Test
  void givenInferenceParamsAtTheirBounds_constructor_acceptsThem() {
    var prompt =
        withParams(
            params(
                "temperature",
                0,
                "top_p",
                new BigDecimal("1.0"),
                "max_tokens",
                1,
                "max_completion_tokens",
                new BigInteger("99999999999999999999"),
                "model",
                "m",
                "stop",
                List.of("\n", "END")));

    assertThat(prompt.inferenceParams()).containsEntry("top_p", new BigDecimal("1.0"));
    assertThat(withParams(params("temperature", 2)).inferenceParams())
        .containsEntry("temperature", 2);
  }

  @Test
  void givenInferenceParamsOutOfBounds_constructor_reportsEachAtItsPath() {
    assertThat(
            violationsOf(
                () ->
                    withParams(
                        params(
                            "temperature",
                            new BigDecimal("2.0001"),
                            "top_p",
                            -0.1,
                            "max_tokens",
                            0,
                            "max_completion_tokens",
                            -5L))))
        .extracting(Violation::path, Violation::type)
        .containsExactlyInAnyOrder(
            violation("less_than_equal", "inference_params", "temperature"),
            violation("greater_than_equal", "inference_params", "top_p"),
            violation("greater_than_equal", "inference_params", "max_tokens"),
            violation("greater_than_equal", "inference_params", "max_completion_tokens"));
  }

  @Test
  void givenInferenceParamsOfTheWrongType_constructor_reportsEach() {
    assertThat(
            violationsOf(
                () ->
                    withParams(
                        params(
                            "temperature",
                            "hot",
                            "max_tokens",
                            1.5,
                            "model",
                            7,
                            "stop",
                            List.of("ok", 3)))))
        .extracting(Violation::path, Violation::type)
        .containsExactlyInAnyOrder(
            violation("float_type", "inference_params", "temperature"),
            violation("int_type", "inference_params", "max_tokens"),
            violation("string_type", "inference_params", "model"),
            violation("string_type", "inference_params", "stop", 1));
  }

  @Test
  void givenAValueJsonCannotHold_constructor_reportsInferenceParams() {
    assertThat(violationsOf(() -> withParams(params("seed", new Object()))))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("dict_type", "inference_params"));
    assertThat(violationsOf(() -> withParams(params("temperature", Double.NaN))))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("dict_type", "inference_params"));
  }

  @Test
  void givenFieldsOfTheWrongType_fromDocument_reportsEachAtItsPath() {
    assertThat(
            violationsOf(
                () ->
                    PromptData.fromDocument(
                        params(
                            "system_prompt",
                            1,
                            "icl_few_shot_examples",
                            List.of(),
                            "inference_params",
                            "hot",
                            "system_prompt_template",
                            true))))
        .extracting(Violation::path, Violation::type)
        .containsExactlyInAnyOrder(
            violation("string_type", "system_prompt"),
            violation("string_type", "icl_few_shot_examples"),
            violation("dict_type", "inference_params"),
            violation("string_type", "system_prompt_template"));
  }

  @Test
  void givenAMutableSource_inferenceParams_areACopyUnmodifiableAllTheWayDown() {
    var stop = new ArrayList<Object>(List.of("END"));
    var source = params("stop", stop);
    var prompt = withParams(source);

    source.put("model", "late");
    stop.add("late");

    assertThat(prompt.inferenceParams()).containsExactly(Map.entry("stop", List.of("END")));
    assertThatThrownBy(() -> prompt.inferenceParams().put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
    @SuppressWarnings("unchecked")
    var stored = (List<Object>) prompt.inferenceParams().get("stop");
    assertThatThrownBy(() -> stored.add("x")).isInstanceOf(UnsupportedOperationException.class);
  }
}
