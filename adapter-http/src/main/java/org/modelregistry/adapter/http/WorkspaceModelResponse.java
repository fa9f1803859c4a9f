package org.modelregistry.adapter.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.modelregistry.domain.spec.ModelSpec;
import org.modelregistry.domain.workspace.ApiEndpoint;
import org.modelregistry.domain.workspace.ModelAdapter;
import org.modelregistry.domain.workspace.ModelEntity;
import org.modelregistry.domain.workspace.ModelEntityDefinition;

/**
 * Renders model entities and adapters as the reference's {@code ModelEntity} and {@code Adapter}
 * schemas name their fields (snake_case); absent values are left out rather than written as null.
 *
 * <p>{@code id} is the entity's {@code workspace/name}: unique, stable, and the reference to it.
 * The endpoint's API key is a secret and never written, only the other endpoint fields. {@code
 * custom_fields} is always written ({@code {}} when none), as the reference's non-optional object;
 * {@code ownership} and {@code prompt} only when set. With {@code verbose=false} the spec is a
 * summary ({@link #SPEC_SUMMARY}), with {@code verbose=true} every field.
 */
final class WorkspaceModelResponse {

  /**
   * The spec fields a summary keeps: the headline facts a list view needs ({@code
   * checkpoint_model_name}, {@code family}, {@code base_num_parameters}, {@code precision}, {@code
   * context_size}, {@code is_chat}) and the other fields the reference's {@code ModelSpec} requires
   * (the architecture numbers and flags), without which a summary would not be a valid {@code
   * ModelSpec}. Every other field, today the possibly long {@code chat_template}, is verbose only.
   */
  static final Set<String> SPEC_SUMMARY =
      Set.of(
          "checkpoint_model_name",
          "family",
          "base_num_parameters",
          "precision",
          "context_size",
          "is_chat",
          "num_layers",
          "hidden_size",
          "num_attention_heads",
          "num_kv_heads",
          "ffn_hidden_size",
          "vocab_size",
          "tied_embeddings",
          "gated_mlp");

  private WorkspaceModelResponse() {}

  static Map<String, Object> model(ModelEntity entity, boolean verbose) {
    ModelEntityDefinition d = entity.definition();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", entity.ref().toString());
    out.put("name", d.name().value());
    out.put("workspace", entity.workspace().value());
    putIfPresent(out, "project", d.project() == null ? null : d.project().value());
    out.put("created_at", WireTime.format(entity.createdAt()));
    out.put("updated_at", WireTime.format(entity.updatedAt()));
    putIfPresent(out, "description", d.description());
    if (d.spec() != null) {
      out.put("spec", spec(d.spec(), verbose));
    }
    putIfPresent(
        out, "finetuning_type", d.finetuningType() == null ? null : d.finetuningType().wire());
    putIfPresent(out, "fileset", d.fileset() == null ? null : d.fileset().toString());
    out.put("trust_remote_code", d.trustRemoteCode());
    putIfPresent(out, "base_model", d.baseModel() == null ? null : d.baseModel().toString());
    if (d.apiEndpoint() != null) {
      out.put("api_endpoint", endpoint(d.apiEndpoint()));
    }
    putIfPresent(
        out, "backend_format", d.backendFormat() == null ? null : d.backendFormat().wire());
    out.put("adapters", entity.adapters().stream().map(a -> adapter(entity, a)).toList());
    if (d.prompt() != null) {
      out.put("prompt", d.prompt().toDocument());
    }
    out.put("custom_fields", d.customFields());
    if (!d.ownership().isEmpty()) {
      out.put("ownership", d.ownership());
    }
    out.put("model_providers", d.modelProviders().stream().map(Object::toString).toList());
    return out;
  }

  static Map<String, Object> adapter(ModelEntity entity, ModelAdapter adapter) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", adapter.name().value());
    out.put("workspace", entity.workspace().value());
    putIfPresent(out, "description", adapter.description());
    out.put("fileset", adapter.fileset().toString());
    out.put("finetuning_type", adapter.finetuningType().wire());
    out.put("enabled", adapter.enabled());
    if (adapter.loraConfig() != null) {
      Map<String, Object> lora = new LinkedHashMap<>();
      lora.put("rank", adapter.loraConfig().rank());
      putIfPresent(lora, "alpha", adapter.loraConfig().alpha());
      out.put("lora_config", lora);
    }
    out.put("model", entity.ref().toString());
    out.put("created_at", WireTime.format(adapter.createdAt()));
    out.put("updated_at", WireTime.format(adapter.updatedAt()));
    return out;
  }

  /** The endpoint without its API key, which is a secret. */
  private static Map<String, Object> endpoint(ApiEndpoint endpoint) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("url", endpoint.url());
    putIfPresent(out, "model_id", endpoint.modelId());
    putIfPresent(out, "format", endpoint.format());
    return out;
  }

  private static Map<String, Object> spec(ModelSpec spec, boolean verbose) {
    Map<String, Object> out = new LinkedHashMap<>();
    putIfPresent(out, "checkpoint_model_name", spec.checkpointModelName());
    putIfPresent(out, "family", spec.family());
    putIfPresent(out, "num_layers", spec.numLayers());
    putIfPresent(out, "hidden_size", spec.hiddenSize());
    putIfPresent(out, "num_attention_heads", spec.numAttentionHeads());
    putIfPresent(out, "num_kv_heads", spec.numKvHeads());
    putIfPresent(out, "ffn_hidden_size", spec.ffnHiddenSize());
    putIfPresent(out, "vocab_size", spec.vocabSize());
    putIfPresent(out, "context_size", spec.contextSize());
    putIfPresent(out, "tied_embeddings", spec.tiedEmbeddings());
    putIfPresent(out, "gated_mlp", spec.gatedMlp());
    putIfPresent(out, "base_num_parameters", spec.baseNumParameters());
    putIfPresent(out, "precision", spec.precision());
    putIfPresent(out, "is_chat", spec.isChat());
    putIfPresent(out, "chat_template", spec.chatTemplate());
    if (!verbose) {
      out.keySet().retainAll(SPEC_SUMMARY);
    }
    return out;
  }

  private static void putIfPresent(Map<String, Object> out, String key, Object value) {
    if (value != null) {
      out.put(key, value);
    }
  }
}
