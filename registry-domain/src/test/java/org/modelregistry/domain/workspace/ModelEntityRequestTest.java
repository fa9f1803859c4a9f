package org.modelregistry.domain.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modelregistry.domain.testdata.TestViolations.violation;
import static org.modelregistry.domain.testdata.TestViolations.violationsOf;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.modelregistry.domain.error.Violation;

class ModelEntityRequestTest {

  private static final String KEY = "sk-request-secret";

  private static ModelEntityRequest request(String name) {
    return new ModelEntityRequest(
        name, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  @Test
  void givenEveryField_toDefinition_parsesThem() {
    var definition =
        new ModelEntityRequest(
                "llama-ft",
                "a finetune",
                "team/vision",
                "default/llama-base",
                "lora_merged",
                "OPENAI_CHAT",
                "default/ckpt",
                List.of("default/nim", "other/vllm"),
                new ModelEntityRequest.Endpoint("https://api.example/v1", "m", KEY, "openai"),
                null,
                true,
                Map.of(
                    "system_prompt",
                    "be brief",
                    "inference_params",
                    Map.of("temperature", 0.5, "unknown", List.of(1))),
                Map.of("tier", "gold"),
                Map.of("team", "nlp"))
            .toDefinition();
    assertThat(definition.name()).isEqualTo(new EntityName("llama-ft"));
    assertThat(definition.project()).isEqualTo(new ProjectName("team/vision"));
    assertThat(definition.baseModel()).isEqualTo(ModelRef.parse("default/llama-base"));
    assertThat(definition.finetuningType()).isEqualTo(FinetuningType.LORA_MERGED);
    assertThat(definition.backendFormat()).isEqualTo(BackendFormat.OPENAI_CHAT);
    assertThat(definition.fileset()).isEqualTo(FilesetRef.parse("default/ckpt"));
    assertThat(definition.modelProviders()).hasSize(2);
    assertThat(definition.apiEndpoint().apiKey().value()).isEqualTo(KEY);
    assertThat(definition.trustRemoteCode()).isTrue();
    assertThat(definition.prompt().systemPrompt()).isEqualTo("be brief");
    assertThat(definition.prompt().inferenceParams())
        .containsEntry("temperature", new BigDecimal("0.5"))
        .containsEntry("unknown", List.of(1));
    assertThat(definition.customFields()).containsExactly(Map.entry("tier", "gold"));
    assertThat(definition.ownership()).containsExactly(Map.entry("team", "nlp"));
  }

  @Test
  void givenABadPrompt_toDefinition_reportsItUnderPrompt() {
    var bad =
        new ModelEntityRequest(
            "m",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            Map.of("system_prompt", 7, "inference_params", Map.of("top_p", 2)),
            null,
            null);
    assertThat(violationsOf(bad::toDefinition))
        .extracting(Violation::path, Violation::type)
        .containsExactlyInAnyOrder(
            violation("string_type", "prompt", "system_prompt"),
            violation("less_than_equal", "prompt", "inference_params", "top_p"));
  }

  @Test
  void givenOnlyAName_toDefinition_defaultsTheRest() {
    var definition = request("m").toDefinition();
    assertThat(definition.trustRemoteCode()).isFalse();
    assertThat(definition.modelProviders()).isEmpty();
    assertThat(definition.spec()).isNull();
    assertThat(definition.prompt()).isNull();
    assertThat(definition.customFields()).isEmpty();
    assertThat(definition.ownership()).isEmpty();
  }

  @Test
  void givenNoName_toDefinition_reportsItMissing() {
    assertThat(violationsOf(() -> request(null).toDefinition()))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("missing", "name"));
  }

  @Test
  void givenEveryFieldInvalid_toDefinition_reportsEachAtItsPath() {
    var bad =
        new ModelEntityRequest(
            "bad name",
            "d".repeat(1001),
            "bad project",
            "no-slash",
            "LORA",
            "openai",
            "a/b/c",
            List.of("ok/provider", "bad"),
            new ModelEntityRequest.Endpoint("ftp://h.example", null, KEY, null),
            null,
            false,
            null,
            null,
            null);
    assertThat(violationsOf(bad::toDefinition))
        .extracting(Violation::path, Violation::type)
        .containsExactlyInAnyOrder(
            violation("string_pattern_mismatch", "name"),
            violation("string_too_long", "description"),
            violation("string_pattern_mismatch", "project"),
            violation("string_pattern_mismatch", "base_model"),
            violation("enum", "finetuning_type"),
            violation("enum", "backend_format"),
            violation("string_pattern_mismatch", "fileset"),
            violation("string_pattern_mismatch", "model_providers", 1),
            violation("url_scheme", "api_endpoint", "url"));
  }

  @Test
  void givenAnEndpointWithoutUrl_toDefinition_reportsApiEndpointUrl() {
    var bad =
        new ModelEntityRequest(
            "m",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            new ModelEntityRequest.Endpoint(null, null, KEY, null),
            null,
            null,
            null,
            null,
            null);
    var violations = violationsOf(bad::toDefinition);
    assertThat(violations)
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("missing", "api_endpoint", "url"));
    assertThat(violations.toString()).doesNotContain(KEY);
  }

  @Test
  void givenAKey_requestToString_hidesIt() {
    var withKey =
        new ModelEntityRequest(
            "m",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            new ModelEntityRequest.Endpoint("https://h.example", null, KEY, null),
            null,
            null,
            null,
            null,
            null);
    assertThat(withKey.toString()).doesNotContain(KEY);
    assertThat(withKey.toDefinition().toString()).doesNotContain(KEY);
  }
}
