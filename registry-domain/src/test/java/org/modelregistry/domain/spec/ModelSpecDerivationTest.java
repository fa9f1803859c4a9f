package org.modelregistry.domain.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modelregistry.domain.testdata.TestViolations.violation;
import static org.modelregistry.domain.testdata.TestViolations.violationsOf;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.modelregistry.domain.error.Violation;

class ModelSpecDerivationTest {

  private static final long HEADER_LENGTH = 64;

  private static Map<String, Object> tensor(
      String dtype, List<Integer> shape, long begin, long end) {
    return Map.of("dtype", dtype, "shape", shape, "data_offsets", List.of(begin, end));
  }

  /** Shard 1: embedding BF16 [16, 8] (128 elements) and a gate projection BF16 [4, 8] (32). */
  private static SafetensorsHeader shard1() {
    var header = new LinkedHashMap<String, Object>();
    header.put("model.embed_tokens.weight", tensor("BF16", List.of(16, 8), 0, 256));
    header.put("model.layers.0.mlp.gate_proj.weight", tensor("BF16", List.of(4, 8), 256, 320));
    return SafetensorsHeader.of(HEADER_LENGTH, 8 + HEADER_LENGTH + 320, header);
  }

  /** Shard 2: a norm F32 [8] (8 elements) and an lm_head BF16 [16, 8] (128). */
  private static SafetensorsHeader shard2() {
    var header = new LinkedHashMap<String, Object>();
    header.put("model.norm.weight", tensor("F32", List.of(8), 0, 32));
    header.put("lm_head.weight", tensor("BF16", List.of(16, 8), 32, 288));
    return SafetensorsHeader.of(HEADER_LENGTH, 8 + HEADER_LENGTH + 288, header);
  }

  @Test
  void givenShardedHeaders_derive_sumsTheirParametersExactly() {
    assertThat(shard1().parameterCount()).isEqualTo(160);
    assertThat(shard2().parameterCount()).isEqualTo(136);

    var spec =
        ModelSpecDerivation.derive(
            "llama-tiny",
            CheckpointConfig.from(CheckpointConfigTest.llamaConfig()),
            null,
            List.of(shard1(), shard2()));

    assertThat(spec.baseNumParameters()).isEqualTo(296);
  }

  @Test
  void givenConfigTokenizerAndShards_fromDocuments_fillsTheSpec() {
    var spec =
        ModelSpecDerivation.fromDocuments(
            "meta/llama-3.2-1b",
            CheckpointConfigTest.llamaConfig(),
            Map.of("chat_template", "{{ messages }}"),
            List.of(shard1(), shard2()));

    assertThat(spec)
        .isEqualTo(
            new ModelSpec(
                "meta/llama-3.2-1b",
                "llama",
                16,
                2048,
                32,
                8,
                8192,
                128256,
                131072,
                true,
                true,
                296L,
                "bfloat16",
                true,
                "{{ messages }}"));
  }

  @Test
  void givenNoConfigPrecision_derive_takesTheDtypeHoldingMostWeights() {
    var document = CheckpointConfigTest.llamaConfig();
    document.remove("torch_dtype");

    var spec =
        ModelSpecDerivation.derive(
            null, CheckpointConfig.from(document), null, List.of(shard1(), shard2()));

    assertThat(spec.precision()).isEqualTo("bfloat16");
    assertThat(spec.isChat()).isFalse();
    assertThat(spec.chatTemplate()).isNull();
  }

  @Test
  void givenNoFilesAtAll_derive_leavesTheFactsAbsent() {
    var spec = ModelSpecDerivation.derive("m", null, null, List.of());

    assertThat(spec)
        .isEqualTo(
            new ModelSpec(
                "m", null, null, null, null, null, null, null, null, null, null, null, null, false,
                null));
  }

  @Test
  void givenBadConfigAndTokenizer_fromDocuments_reportsBothUnderTheirFileNames() {
    var config = CheckpointConfigTest.llamaConfig();
    config.put("hidden_size", "big");

    assertThat(
            violationsOf(
                () ->
                    ModelSpecDerivation.fromDocuments(
                        "m", config, Map.of("chat_template", 1), List.of())))
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("int_type", "config.json", "hidden_size"),
            violation("value_error", "tokenizer_config.json", "chat_template"));
  }
}
