package org.modelregistry.adapter.persistence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.modelregistry.adapter.persistence.jooq.tables.records.ModelEntitiesRecord;
import org.modelregistry.adapter.persistence.jooq.tables.records.ModelEntityAdaptersRecord;
import org.modelregistry.domain.document.DocumentNumbers;
import org.modelregistry.domain.error.RegistryException;
import org.modelregistry.domain.registration.Secret;
import org.modelregistry.domain.spec.ModelSpec;
import org.modelregistry.domain.workspace.ApiEndpoint;
import org.modelregistry.domain.workspace.BackendFormat;
import org.modelregistry.domain.workspace.EntityName;
import org.modelregistry.domain.workspace.FilesetRef;
import org.modelregistry.domain.workspace.FinetuningType;
import org.modelregistry.domain.workspace.LoraConfig;
import org.modelregistry.domain.workspace.ModelAdapter;
import org.modelregistry.domain.workspace.ModelEntity;
import org.modelregistry.domain.workspace.ModelEntityDefinition;
import org.modelregistry.domain.workspace.ModelRef;
import org.modelregistry.domain.workspace.ProjectName;
import org.modelregistry.domain.workspace.PromptData;
import org.modelregistry.domain.workspace.WorkspaceName;

/**
 * Converts model entities to a row of {@code model_entities} plus one row of {@code
 * model_entity_adapters} per adapter (numbered by its place in the list), and back. The fields
 * lists filter on have columns (references as {@code workspace/name}, enums by wire value); the
 * rest of the definition is one JSON document, the API key in clear: stored, never shown. Its
 * {@code prompt}, {@code custom_fields} and {@code ownership} are written only when set, so rows
 * written before the registry kept them read back as none.
 */
final class ModelEntityRecordMapper {

  private final JsonDocuments json;

  ModelEntityRecordMapper(JsonDocuments json) {
    this.json = json;
  }

  ModelEntitiesRecord toRecord(ModelEntity entity) {
    ModelEntityDefinition definition = entity.definition();
    var record = new ModelEntitiesRecord();
    record.setWorkspace(entity.workspace().value());
    record.setName(entity.name().value());
    record.setDescription(definition.description());
    record.setProject(definition.project() == null ? null : definition.project().value());
    record.setBaseModel(text(definition.baseModel()));
    record.setFinetuningType(
        definition.finetuningType() == null ? null : definition.finetuningType().wire());
    record.setFileset(text(definition.fileset()));
    record.setDefinition(json.write(definitionDocument(definition)));
    record.setCreatedAt(EpochMicros.of(entity.createdAt()));
    record.setUpdatedAt(EpochMicros.of(entity.updatedAt()));
    return record;
  }

  /** The adapter rows of {@code entity}, in list order. */
  List<ModelEntityAdaptersRecord> toAdapterRecords(ModelEntity entity) {
    var records = new ArrayList<ModelEntityAdaptersRecord>();
    List<ModelAdapter> adapters = entity.adapters();
    for (int position = 0; position < adapters.size(); position++) {
      ModelAdapter adapter = adapters.get(position);
      var record = new ModelEntityAdaptersRecord();
      record.setWorkspace(entity.workspace().value());
      record.setModelName(entity.name().value());
      record.setPosition(position);
      record.setName(adapter.name().value());
      record.setDescription(adapter.description());
      record.setFileset(adapter.fileset().toString());
      record.setFinetuningType(adapter.finetuningType().wire());
      record.setEnabled(adapter.enabled());
      record.setLoraRank(adapter.loraConfig() == null ? null : adapter.loraConfig().rank());
      record.setLoraAlpha(adapter.loraConfig() == null ? null : adapter.loraConfig().alpha());
      record.setCreatedAt(EpochMicros.of(adapter.createdAt()));
      record.setUpdatedAt(EpochMicros.of(adapter.updatedAt()));
      records.add(record);
    }
    return records;
  }

  /**
   * The entity a row and its adapter rows (in position order) hold.
   *
   * @throws IllegalStateException when the rows cannot be read back: stored data is never the
   *     caller's mistake, so it must not surface as a validation failure
   */
  ModelEntity toEntity(ModelEntitiesRecord record, List<ModelEntityAdaptersRecord> adapters) {
    try {
      Map<String, Object> document = json.read(record.getDefinition());
      var definition =
          new ModelEntityDefinition(
              new EntityName(record.getName()),
              record.getDescription(),
              record.getProject() == null ? null : new ProjectName(record.getProject()),
              record.getBaseModel() == null ? null : ModelRef.parse(record.getBaseModel()),
              record.getFinetuningType() == null
                  ? null
                  : FinetuningType.fromWire(record.getFinetuningType()),
              document.get("backend_format") == null
                  ? null
                  : BackendFormat.fromWire(string(document, "backend_format")),
              record.getFileset() == null ? null : FilesetRef.parse(record.getFileset()),
              modelProviders(document.get("model_providers")),
              apiEndpoint(map(document.get("api_endpoint"))),
              spec(map(document.get("spec"))),
              Boolean.TRUE.equals(document.get("trust_remote_code")),
              PromptData.fromDocument(map(document.get("prompt"))),
              map(document.get("custom_fields")),
              map(document.get("ownership")));
      return ModelEntity.reconstitute(
          new WorkspaceName(record.getWorkspace()),
          definition,
          adapters.stream().map(ModelEntityRecordMapper::toAdapter).toList(),
          EpochMicros.toInstant(record.getCreatedAt()),
          EpochMicros.toInstant(record.getUpdatedAt()));
    } catch (RegistryException | IllegalArgumentException | ClassCastException e) {
      throw new IllegalStateException(
          "stored model '"
              + record.getWorkspace()
              + "/"
              + record.getName()
              + "' cannot be read: "
              + e.getMessage(),
          e);
    }
  }

  private static ModelAdapter toAdapter(ModelEntityAdaptersRecord record) {
    return new ModelAdapter(
        new EntityName(record.getName()),
        record.getDescription(),
        FilesetRef.parse(record.getFileset()),
        FinetuningType.fromWire(record.getFinetuningType()),
        record.getEnabled(),
        record.getLoraRank() == null
            ? null
            : new LoraConfig(record.getLoraRank(), record.getLoraAlpha()),
        EpochMicros.toInstant(record.getCreatedAt()),
        EpochMicros.toInstant(record.getUpdatedAt()));
  }

  private static String text(Object reference) {
    return reference == null ? null : reference.toString();
  }

  // ---- the definition document ---------------------------------------------------------------

  private static Map<String, Object> definitionDocument(ModelEntityDefinition definition) {
    var document = new LinkedHashMap<String, Object>();
    if (definition.backendFormat() != null) {
      document.put("backend_format", definition.backendFormat().wire());
    }
    document.put(
        "model_providers", definition.modelProviders().stream().map(ModelRef::toString).toList());
    if (definition.apiEndpoint() != null) {
      ApiEndpoint endpoint = definition.apiEndpoint();
      var api = new LinkedHashMap<String, Object>();
      api.put("url", endpoint.url());
      putIfSet(api, "model_id", endpoint.modelId());
      putIfSet(api, "api_key", endpoint.apiKey() == null ? null : endpoint.apiKey().value());
      putIfSet(api, "format", endpoint.format());
      document.put("api_endpoint", api);
    }
    if (definition.spec() != null) {
      document.put("spec", specDocument(definition.spec()));
    }
    document.put("trust_remote_code", definition.trustRemoteCode());
    if (definition.prompt() != null) {
      document.put("prompt", definition.prompt().toDocument());
    }
    if (!definition.customFields().isEmpty()) {
      document.put("custom_fields", definition.customFields());
    }
    if (!definition.ownership().isEmpty()) {
      document.put("ownership", definition.ownership());
    }
    return document;
  }

  private static Map<String, Object> specDocument(ModelSpec spec) {
    var document = new LinkedHashMap<String, Object>();
    putIfSet(document, "checkpoint_model_name", spec.checkpointModelName());
    putIfSet(document, "family", spec.family());
    putIfSet(document, "num_layers", spec.numLayers());
    putIfSet(document, "hidden_size", spec.hiddenSize());
    putIfSet(document, "num_attention_heads", spec.numAttentionHeads());
    putIfSet(document, "num_kv_heads", spec.numKvHeads());
    putIfSet(document, "ffn_hidden_size", spec.ffnHiddenSize());
    putIfSet(document, "vocab_size", spec.vocabSize());
    putIfSet(document, "context_size", spec.contextSize());
    putIfSet(document, "tied_embeddings", spec.tiedEmbeddings());
    putIfSet(document, "gated_mlp", spec.gatedMlp());
    putIfSet(document, "base_num_parameters", spec.baseNumParameters());
    putIfSet(document, "precision", spec.precision());
    putIfSet(document, "is_chat", spec.isChat());
    putIfSet(document, "chat_template", spec.chatTemplate());
    return document;
  }

  private static ModelSpec spec(Map<String, Object> document) {
    if (document == null) {
      return null;
    }
    return new ModelSpec(
        string(document, "checkpoint_model_name"),
        string(document, "family"),
        integer(document, "num_layers"),
        integer(document, "hidden_size"),
        integer(document, "num_attention_heads"),
        integer(document, "num_kv_heads"),
        integer(document, "ffn_hidden_size"),
        integer(document, "vocab_size"),
        integer(document, "context_size"),
        (Boolean) document.get("tied_embeddings"),
        (Boolean) document.get("gated_mlp"),
        DocumentNumbers.exactLong(document.get("base_num_parameters")),
        string(document, "precision"),
        (Boolean) document.get("is_chat"),
        string(document, "chat_template"));
  }

  private static ApiEndpoint apiEndpoint(Map<String, Object> document) {
    if (document == null) {
      return null;
    }
    String key = string(document, "api_key");
    return new ApiEndpoint(
        string(document, "url"),
        string(document, "model_id"),
        key == null ? null : new Secret(key),
        string(document, "format"));
  }

  private static List<ModelRef> modelProviders(Object stored) {
    if (stored == null) {
      return List.of();
    }
    return ((List<?>) stored).stream().map(p -> ModelRef.parse((String) p)).toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  private static String string(Map<String, Object> document, String key) {
    return (String) document.get(key);
  }

  private static Integer integer(Map<String, Object> document, String key) {
    return (Integer) document.get(key);
  }

  private static void putIfSet(Map<String, Object> document, String key, Object value) {
    if (value != null) {
      document.put(key, value);
    }
  }
}
