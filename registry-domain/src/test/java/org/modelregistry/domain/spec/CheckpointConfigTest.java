package org.modelregistry.domain.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modelregistry.domain.testdata.TestViolations.violation;
import static org.modelregistry.domain.testdata.TestViolations.violationsOf;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.modelregistry.domain.error.Violation;

class CheckpointConfigTest {

  /** Llama-3.2-1B's config.json, trimmed to the keys the spec reads plus a few extras. */
  static Map<String, Object> llamaConfig() {
    var config = new HashMap<String, Object>();
    config.put("architectures", java.util.List.of("LlamaForCausalLM"));
    config.put("model_type", "llama");
    config.put("num_hidden_layers", 16);
    config.put("hidden_size", 2048);
    config.put("num_attention_heads", 32);
    config.put("num_key_value_heads", 8);
    config.put("intermediate_size", 8192);
    config.put("vocab_size", 128256);
    config.put("max_position_embeddings", 131072);
    config.put("tie_word_embeddings", true);
    config.put("torch_dtype", "bfloat16");
    config.put("rope_theta", new BigDecimal("500000.0"));
    return config;
  }

  @Test
  void givenALlamaConfig_from_readsEveryField() {
    var config = CheckpointConfig.from(llamaConfig());

    assertThat(config)
        .isEqualTo(
            new CheckpointConfig("llama", 16, 2048, 32, 8, 8192, 128256, 131072, true, "bfloat16"));
  }

  @Test
  void givenNoKvHeadsNorTying_from_defaultsThem() {
    var document = llamaConfig();
    document.remove("num_key_value_heads");
    document.remove("tie_word_embeddings");

    var config = CheckpointConfig.from(document);

    assertThat(config.numKvHeads()).isEqualTo(32);
    assertThat(config.tiedEmbeddings()).isFalse();
  }

  @Test
  void givenAnEmptyConfig_from_leavesEverythingAbsent() {
    var config = CheckpointConfig.from(Map.of());

    assertThat(config)
        .isEqualTo(
            new CheckpointConfig(null, null, null, null, null, null, null, null, false, null));
  }

  @Test
  void givenDtypeSpellings_from_mapsThemToTheReferencePrecision() {
    for (var entry :
        Map.of(
                "float16", "float16",
                "torch.float16", "float16",
                "bf16", "bfloat16",
                "float32", "float32",
                "float", "float32")
            .entrySet()) {
      var document = llamaConfig();
      document.put("torch_dtype", entry.getKey());
      assertThat(CheckpointConfig.from(document).precision()).isEqualTo(entry.getValue());
    }
    var auto = llamaConfig();
    auto.put("torch_dtype", "auto");
    assertThat(CheckpointConfig.from(auto).precision()).isNull();
    var newer = llamaConfig();
    newer.remove("torch_dtype");
    newer.put("dtype", "float16");
    assertThat(CheckpointConfig.from(newer).precision()).isEqualTo("float16");
  }

  @Test
  void givenStringsWhereNumbersBelong_from_namesEachKey() {
    var document = llamaConfig();
    document.put("hidden_size", "2048");
    document.put("num_hidden_layers", new BigDecimal("16.5"));
    document.put("tie_word_embeddings", "yes");
    document.put("model_type", 7);

    assertThat(violationsOf(() -> CheckpointConfig.from(document)))
        .extracting(Violation::path, Violation::type)
        .containsExactlyInAnyOrder(
            violation("string_type", "model_type"),
            violation("int_type", "num_hidden_layers"),
            violation("int_type", "hidden_size"),
            violation("bool_type", "tie_word_embeddings"));
  }

  @Test
  void givenZeroAndNegativeSizes_from_namesEachKey() {
    var document = llamaConfig();
    document.put("hidden_size", 0);
    document.put("vocab_size", -1);
    document.put("num_key_value_heads", 0);

    assertThat(violationsOf(() -> CheckpointConfig.from(document)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("greater_than", "hidden_size"),
            violation("greater_than", "num_key_value_heads"),
            violation("greater_than", "vocab_size"));
  }

  @Test
  void givenAbsurdValues_from_namesEachKey() {
    var document = llamaConfig();
    document.put("num_hidden_layers", 10_001);
    document.put("intermediate_size", 10_000_001);
    document.put("vocab_size", 1_000_000_000_000L);
    document.put("max_position_embeddings", new BigDecimal("1E+400"));
    document.put("num_key_value_heads", 64);
    document.put("torch_dtype", "float128");

    assertThat(violationsOf(() -> CheckpointConfig.from(document)))
        .extracting(Violation::path, Violation::type)
        .containsExactlyInAnyOrder(
            violation("less_than_equal", "num_hidden_layers"),
            violation("less_than_equal", "intermediate_size"),
            violation("int_range", "vocab_size"),
            violation("int_type", "max_position_embeddings"),
            violation("enum", "torch_dtype"));
  }

  @Test
  void givenMoreKvHeadsThanHeads_from_rejectsTheKvHeads() {
    var document = llamaConfig();
    document.put("num_key_value_heads", 64);

    assertThat(violationsOf(() -> CheckpointConfig.from(document)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("less_than_equal", "num_key_value_heads"));
  }

  @Test
  void givenABlankOrLongModelType_from_rejectsIt() {
    var blank = llamaConfig();
    blank.put("model_type", " ");
    assertThat(violationsOf(() -> CheckpointConfig.from(blank)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("string_too_short", "model_type"));
    var tooLong = llamaConfig();
    tooLong.put("model_type", "x".repeat(256));
    assertThat(violationsOf(() -> CheckpointConfig.from(tooLong)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("string_too_long", "model_type"));
  }
}
