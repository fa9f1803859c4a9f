package org.modelregistry.domain.workspace;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.modelregistry.domain.error.ValidationException;

/** How a model or adapter was finetuned, with the reference's wire values. */
public enum FinetuningType {
  LORA_MERGED("lora_merged"),
  ALL_WEIGHTS("all_weights"),
  LAST_LAYER("last_layer"),
  TOP_LAYERS("top_layers"),
  GRADUAL_UNFREEZING("gradual_unfreezing"),
  BIAS_ONLY("bias_only"),
  ATTENTION_ONLY("attention_only"),
  LORA("lora"),
  QLORA("qlora"),
  ADALORA("adalora"),
  DORA("dora"),
  LORA_PLUS("lora_plus"),
  PROMPT_TUNING("prompt_tuning"),
  PREFIX_TUNING("prefix_tuning"),
  P_TUNING("p_tuning"),
  P_TUNING_V2("p_tuning_v2"),
  SOFT_PROMPT("soft_prompt"),
  PPO("ppo"),
  DPO("dpo"),
  CDPO("cdpo"),
  IPO("ipo"),
  ORPO("orpo"),
  KTO("kto"),
  RRHF("rrhf"),
  GRPO("grpo");

  private final String wire;

  FinetuningType(String wire) {
    this.wire = wire;
  }

  /** The value as the reference API writes it. */
  public String wire() {
    return wire;
  }

  /** The constant for a wire value; throws a violation at the value itself for any other. */
  public static FinetuningType fromWire(String value) {
    for (FinetuningType candidate : values()) {
      if (candidate.wire.equals(value)) {
        return candidate;
      }
    }
    throw ValidationException.of(
        "must be one of "
            + Arrays.stream(values()).map(FinetuningType::wire).collect(Collectors.joining(", ")),
        "enum");
  }

  @Override
  public String toString() {
    return wire;
  }
}
