package org.modelregistry.adapter.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.modelregistry.domain.error.Violations;
import org.modelregistry.domain.registration.Secret;
import org.modelregistry.domain.spec.ModelSpec;
import org.modelregistry.domain.workspace.AdapterPatch;
import org.modelregistry.domain.workspace.ApiEndpoint;
import org.modelregistry.domain.workspace.BackendFormat;
import org.modelregistry.domain.workspace.EntityName;
import org.modelregistry.domain.workspace.FilesetRef;
import org.modelregistry.domain.workspace.FinetuningType;
import org.modelregistry.domain.workspace.LoraConfig;
import org.modelregistry.domain.workspace.ModelEntityDefinition;
import org.modelregistry.domain.workspace.ModelEntityPatch;
import org.modelregistry.domain.workspace.ModelEntityRequest;
import org.modelregistry.domain.workspace.ModelRef;
import org.modelregistry.domain.workspace.PromptData;
import org.modelregistry.ports.in.workspace.NewModelAdapter;

/**
 * Reads the workspace model bodies (already checked against the reference's request schemas) into
 * domain values. Parts of the wrong JSON type read as absent: the schema has reported them. Every
 * violation is located from the body's root; {@link RequestBodies} moves them under {@code body}.
 *
 * <p>{@code prompt} is read as {@link PromptData} (fields the reference does not name are left
 * out); {@code custom_fields} and {@code ownership} are kept as the free-form objects they are.
 */
final class WorkspaceDocuments {

  private WorkspaceDocuments() {}

  /** A {@code CreateModelEntityRequest}. */
  static ModelEntityDefinition readCreate(Map<String, Object> body) {
    var violations = Violations.collect();
    ModelSpec spec = spec(body, violations);
    ModelEntityRequest.Endpoint endpoint =
        body.get("api_endpoint") instanceof Map<?, ?> m
            ? new ModelEntityRequest.Endpoint(
                text(m, "url"), text(m, "model_id"), text(m, "api_key"), text(m, "format"))
            : null;
    List<String> providers =
        body.get("model_providers") instanceof List<?> list
            ? list.stream().map(item -> item instanceof String s ? s : null).toList()
            : null;
    var request =
        new ModelEntityRequest(
            text(body, "name"),
            text(body, "description"),
            text(body, "project"),
            text(body, "base_model"),
            text(body, "finetuning_type"),
            text(body, "backend_format"),
            text(body, "fileset"),
            providers == null || providers.contains(null) ? null : providers,
            endpoint,
            spec,
            body.get("trust_remote_code") instanceof Boolean b ? b : null,
            object(body, "prompt"),
            object(body, "custom_fields"),
            object(body, "ownership"));
    ModelEntityDefinition definition = violations.attempt(request::toDefinition);
    violations.throwIfAny();
    return definition;
  }

  /** An {@code UpdateModelEntityRequest}: absent fields keep their value. */
  static ModelEntityPatch readPatch(Map<String, Object> body) {
    var violations = Violations.collect();
    ModelSpec spec = spec(body, violations);
    ModelRef baseModel = parsed(body, "base_model", ModelRef::parse, violations);
    FinetuningType type = parsed(body, "finetuning_type", FinetuningType::fromWire, violations);
    BackendFormat format = parsed(body, "backend_format", BackendFormat::fromWire, violations);
    FilesetRef fileset = parsed(body, "fileset", FilesetRef::parse, violations);
    List<ModelRef> providers = null;
    if (body.get("model_providers") instanceof List<?> list) {
      providers = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        String text = list.get(i) instanceof String s ? s : null;
        providers.add(
            text == null
                ? null
                : violations.at("model_providers", i).attempt(() -> ModelRef.parse(text)));
      }
      if (providers.contains(null)) {
        providers = null;
      }
    }
    ApiEndpoint endpoint = null;
    if (body.get("api_endpoint") instanceof Map<?, ?> m) {
      String key = text(m, "api_key");
      endpoint =
          violations
              .at("api_endpoint")
              .attempt(
                  () ->
                      new ApiEndpoint(
                          text(m, "url"),
                          text(m, "model_id"),
                          key == null ? null : new Secret(key),
                          text(m, "format")));
    }
    Boolean trust = body.get("trust_remote_code") instanceof Boolean b ? b : null;
    Map<String, Object> promptDocument = object(body, "prompt");
    PromptData prompt =
        promptDocument == null
            ? null
            : violations.at("prompt").attempt(() -> PromptData.fromDocument(promptDocument));
    violations.throwIfAny();
    return new ModelEntityPatch(
        text(body, "description"),
        null,
        baseModel,
        type,
        format,
        fileset,
        providers,
        endpoint,
        spec,
        trust,
        prompt,
        object(body, "custom_fields"),
        object(body, "ownership"));
  }

  /** A {@code CreateModelAdapterRequest}. */
  static NewModelAdapter readAdapter(Map<String, Object> body) {
    var violations = Violations.collect();
    EntityName name = parsed(body, "name", EntityName::new, violations);
    FilesetRef fileset = parsed(body, "fileset", FilesetRef::parse, violations);
    FinetuningType type = parsed(body, "finetuning_type", FinetuningType::fromWire, violations);
    LoraConfig lora = null;
    if (body.get("lora_config") instanceof Map<?, ?> m) {
      Violations at = violations.at("lora_config");
      Integer rank = integer(m, "rank", at);
      Integer alpha = integer(m, "alpha", at);
      lora = at.attempt(() -> new LoraConfig(rank, alpha));
    }
    violations.throwIfAny();
    return new NewModelAdapter(
        name,
        text(body, "description"),
        fileset,
        type,
        body.get("enabled") instanceof Boolean b ? b : null,
        lora);
  }

  /** An {@code UpdateAdapterRequest}. */
  static AdapterPatch readAdapterPatch(Map<String, Object> body) {
    var violations = Violations.collect();
    FilesetRef fileset = parsed(body, "fileset", FilesetRef::parse, violations);
    violations.throwIfAny();
    return new AdapterPatch(
        text(body, "description"), body.get("enabled") instanceof Boolean b ? b : null, fileset);
  }

  private static <T> T parsed(
      Map<?, ?> body, String key, Function<String, T> factory, Violations violations) {
    String text = text(body, key);
    return text == null ? null : violations.at(key).attempt(() -> factory.apply(text));
  }

  /** The {@code spec} object, the fields this registry keeps; null when absent. */
  private static ModelSpec spec(Map<String, Object> body, Violations violations) {
    if (!(body.get("spec") instanceof Map<?, ?> m)) {
      return null;
    }
    Violations at = violations.at("spec");
    Integer numLayers = integer(m, "num_layers", at);
    Integer hiddenSize = integer(m, "hidden_size", at);
    Integer heads = integer(m, "num_attention_heads", at);
    Integer kvHeads = integer(m, "num_kv_heads", at);
    Integer ffn = integer(m, "ffn_hidden_size", at);
    Integer vocab = integer(m, "vocab_size", at);
    Integer context = integer(m, "context_size", at);
    Long parameters = null;
    Object count = m.get("base_num_parameters");
    if (count instanceof Integer i) {
      parameters = i.longValue();
    } else if (count instanceof Long l) {
      parameters = l;
    } else if (count instanceof java.math.BigInteger) {
      at.add(
          "less_than_equal",
          "base_num_parameters must be at most " + Long.MAX_VALUE,
          "base_num_parameters");
    }
    Long total = parameters;
    return at.attempt(
        () ->
            new ModelSpec(
                text(m, "checkpoint_model_name"),
                text(m, "family"),
                numLayers,
                hiddenSize,
                heads,
                kvHeads,
                ffn,
                vocab,
                context,
                bool(m, "tied_embeddings"),
                bool(m, "gated_mlp"),
                total,
                text(m, "precision"),
                bool(m, "is_chat"),
                text(m, "chat_template")));
  }

  /** The JSON object at {@code key}; null when absent or not an object. */
  private static Map<String, Object> object(Map<?, ?> body, String key) {
    if (!(body.get(key) instanceof Map<?, ?> m)) {
      return null;
    }
    Map<String, Object> copy = new LinkedHashMap<>();
    m.forEach((k, v) -> copy.put(String.valueOf(k), v));
    return copy;
  }

  private static Integer integer(Map<?, ?> map, String key, Violations violations) {
    Object value = map.get(key);
    if (value instanceof Integer i) {
      return i;
    }
    if (value instanceof Long || value instanceof java.math.BigInteger) {
      violations.add("less_than_equal", key + " must be at most " + Integer.MAX_VALUE, key);
    }
    return null;
  }

  private static String text(Map<?, ?> map, String key) {
    return map.get(key) instanceof String s ? s : null;
  }

  private static Boolean bool(Map<?, ?> map, String key) {
    return map.get(key) instanceof Boolean b ? b : null;
  }
}
