package org.modelregistry.domain.spec;

import org.modelregistry.domain.error.Violations;

/**
 * A model's architecture specification as the reference's {@code ModelSpec} schema names it, for
 * the part this registry derives from checkpoint files; every field may be null when the files do
 * not state it. Each component maps to the reference field in its comment.
 *
 * <p>Not derived yet, hence not carried here: {@code num_virtual_tokens}, {@code
 * is_embedding_model}, {@code moe_config}, {@code mamba_config}, {@code sliding_window_config},
 * {@code linear_layers}, {@code tool_call_config}, {@code minimum_gpus_all_weights}, {@code
 * minimum_gpus_lora}.
 *
 * @param checkpointModelName {@code checkpoint_model_name}: the checkpoint's identifier or path
 * @param family {@code family}
 * @param numLayers {@code num_layers}
 * @param hiddenSize {@code hidden_size}
 * @param numAttentionHeads {@code num_attention_heads}
 * @param numKvHeads {@code num_kv_heads}
 * @param ffnHiddenSize {@code ffn_hidden_size}
 * @param vocabSize {@code vocab_size}
 * @param contextSize {@code context_size}
 * @param tiedEmbeddings {@code tied_embeddings}
 * @param gatedMlp {@code gated_mlp}: true when the weights show a gate projection, else null
 * @param baseNumParameters {@code base_num_parameters}: exact element count of all weights
 * @param precision {@code precision}, e.g. {@code bfloat16}
 * @param isChat {@code is_chat}
 * @param chatTemplate {@code chat_template}
 */
public record ModelSpec(
    String checkpointModelName,
    String family,
    Integer numLayers,
    Integer hiddenSize,
    Integer numAttentionHeads,
    Integer numKvHeads,
    Integer ffnHiddenSize,
    Integer vocabSize,
    Integer contextSize,
    Boolean tiedEmbeddings,
    Boolean gatedMlp,
    Long baseNumParameters,
    String precision,
    Boolean isChat,
    String chatTemplate) {

  public ModelSpec {
    var violations = Violations.collect();
    violations.require(
        baseNumParameters == null || baseNumParameters >= 0,
        "greater_than_equal",
        "base_num_parameters must not be negative",
        "base_num_parameters");
    violations.throwIfAny();
  }
}
