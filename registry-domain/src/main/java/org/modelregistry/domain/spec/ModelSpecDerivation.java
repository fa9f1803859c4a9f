package org.modelregistry.domain.spec;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.modelregistry.domain.error.ValidationException;
import org.modelregistry.domain.error.Violations;

/**
 * Derives a {@link ModelSpec} from a checkpoint's files, already parsed and validated by the
 * adapter: {@code config.json}, {@code tokenizer_config.json} and the headers of its {@code
 * *.safetensors} shards. Pure: it reads no files.
 */
public final class ModelSpecDerivation {

  /** Path segment under which {@link #fromDocuments} reports {@code config.json} violations. */
  public static final String CONFIG_FILE = "config.json";

  /** Path segment under which {@link #fromDocuments} reports tokenizer violations. */
  public static final String TOKENIZER_FILE = "tokenizer_config.json";

  private ModelSpecDerivation() {}

  /**
   * Combines what the files state into a spec. {@code base_num_parameters} is the exact sum of the
   * shards' element counts (null without shards); precision comes from the config, else from the
   * dtype holding most of the weights.
   *
   * @param checkpointModelName the checkpoint's identifier or path; may be null
   * @param config the config, or null when the checkpoint has none
   * @param tokenizer the tokenizer info, or null when the checkpoint has none
   * @param shards every safetensors header of the checkpoint; not null, may be empty
   * @throws ValidationException at {@code base_num_parameters} when the sum overflows a long
   */
  public static ModelSpec derive(
      String checkpointModelName,
      CheckpointConfig config,
      TokenizerInfo tokenizer,
      List<SafetensorsHeader> shards) {
    Objects.requireNonNull(shards, "shards");
    CheckpointConfig c = config == null ? CheckpointConfig.from(Map.of()) : config;
    TokenizerInfo t = tokenizer == null ? TokenizerInfo.none() : tokenizer;
    String precision = c.precision() != null ? c.precision() : dominantPrecision(shards);
    return new ModelSpec(
        checkpointModelName,
        c.family(),
        c.numLayers(),
        c.hiddenSize(),
        c.numAttentionHeads(),
        c.numKvHeads(),
        c.ffnHiddenSize(),
        c.vocabSize(),
        c.contextSize(),
        config == null ? null : c.tiedEmbeddings(),
        hasGateProjection(shards) ? Boolean.TRUE : null,
        shards.isEmpty() ? null : totalParameters(shards),
        precision,
        t.isChat(),
        t.chatTemplate());
  }

  /**
   * {@link #derive} from the parsed JSON documents, reporting every violation of both files at
   * once, under {@code config.json} and {@code tokenizer_config.json}.
   *
   * @param configDocument the parsed {@code config.json}, or null when absent
   * @param tokenizerDocument the parsed {@code tokenizer_config.json}, or null when absent
   * @throws ValidationException listing every violation, each under its file name
   */
  public static ModelSpec fromDocuments(
      String checkpointModelName,
      Map<String, Object> configDocument,
      Map<String, Object> tokenizerDocument,
      List<SafetensorsHeader> shards) {
    var violations = Violations.collect();
    CheckpointConfig config =
        configDocument == null
            ? null
            : violations.at(CONFIG_FILE).attempt(() -> CheckpointConfig.from(configDocument));
    TokenizerInfo tokenizer =
        tokenizerDocument == null
            ? null
            : violations.at(TOKENIZER_FILE).attempt(() -> TokenizerInfo.from(tokenizerDocument));
    violations.throwIfAny();
    return derive(checkpointModelName, config, tokenizer, shards);
  }

  /** The exact element count over all shards. */
  public static long totalParameters(List<SafetensorsHeader> shards) {
    long total = 0;
    try {
      for (SafetensorsHeader shard : shards) {
        total = Math.addExact(total, shard.parameterCount());
      }
    } catch (ArithmeticException e) {
      throw ValidationException.of(
          "the shards hold more parameters than a long counts",
          "value_error",
          "base_num_parameters");
    }
    return total;
  }

  private static String dominantPrecision(List<SafetensorsHeader> shards) {
    var counts = new EnumMap<SafetensorsDtype, Long>(SafetensorsDtype.class);
    for (SafetensorsHeader shard : shards) {
      for (TensorInfo tensor : shard.tensors()) {
        counts.merge(tensor.dtype(), tensor.elementCount(), ModelSpecDerivation::saturatedAdd);
      }
    }
    return counts.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .map(e -> e.getKey().precision())
        .orElse(null);
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }

  /** Llama, Mistral, Qwen, Gemma name it gate_proj; Phi-3 fuses it into gate_up_proj. */
  private static boolean hasGateProjection(List<SafetensorsHeader> shards) {
    return shards.stream()
        .flatMap(shard -> shard.tensors().stream())
        .anyMatch(t -> t.name().contains(".gate_proj.") || t.name().contains(".gate_up_proj."));
  }
}
