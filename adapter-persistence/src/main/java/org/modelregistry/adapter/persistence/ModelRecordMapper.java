package org.modelregistry.adapter.persistence;

import org.modelregistry.adapter.persistence.jooq.tables.records.ModelInstanceRecord;
import org.modelregistry.domain.document.ModelDocuments;
import org.modelregistry.domain.error.RegistryException;
import org.modelregistry.domain.identity.Actor;
import org.modelregistry.domain.identity.IdentityType;
import org.modelregistry.domain.model.BaseModelMetadata;
import org.modelregistry.domain.model.Model;
import org.modelregistry.domain.model.ModelDefinition;
import org.modelregistry.domain.model.ModelVendor;
import org.modelregistry.domain.naming.ResourceName;
import org.modelregistry.domain.template.ModelType;

/**
 * Converts models to rows of {@code model_instance} and back. Enums are stored by name (which is
 * also their sort order), the creator's identity type by its wire value, maps as JSON documents.
 */
final class ModelRecordMapper {

  private final JsonDocuments json;

  ModelRecordMapper(JsonDocuments json) {
    this.json = json;
  }

  ModelInstanceRecord toRecord(Model model) {
    ModelDefinition d = model.definition();
    var record = new ModelInstanceRecord();
    record.setId(model.id());
    record.setAccountId(d.accountId());
    record.setName(d.name().value());
    record.setDisplayName(d.displayName());
    record.setDescription(d.description());
    record.setModelVendor(d.modelVendor() == null ? null : d.modelVendor().name());
    record.setModelType(d.modelType().name());
    record.setBaseModelId(d.baseModelId());
    record.setBaseModelMetadata(
        d.baseModelMetadata() == null
            ? null
            : json.write(ModelDocuments.writeBaseModelMetadata(d.baseModelMetadata())));
    record.setModelCreationParameters(json.write(d.modelCreationParameters()));
    record.setModelCard(d.modelCard());
    record.setTrainingDataCard(d.trainingDataCard());
    record.setModelTemplateId(d.modelTemplateId());
    record.setModelGroupId(d.modelGroupId());
    record.setRequestSchema(json.write(model.requestSchema()));
    record.setResponseSchema(json.write(model.responseSchema()));
    record.setCreatedAt(EpochMicros.of(model.createdAt()));
    record.setCreatedByUserId(model.createdBy().userId());
    record.setCreatedByIdentityType(model.createdBy().identityType().wireValue());
    return record;
  }

  /**
   * The model a row holds.
   *
   * @throws IllegalStateException when the row cannot be read back: stored data is never the
   *     caller's mistake, so it must not surface as a validation failure
   */
  Model toModel(ModelInstanceRecord record) {
    try {
      var definition =
          new ModelDefinition(
              record.getAccountId(),
              new ResourceName(record.getName()),
              record.getDisplayName(),
              record.getDescription(),
              record.getModelVendor() == null ? null : ModelVendor.valueOf(record.getModelVendor()),
              ModelType.valueOf(record.getModelType()),
              record.getBaseModelId(),
              metadata(record.getBaseModelMetadata()),
              json.read(record.getModelCreationParameters()),
              record.getModelCard(),
              record.getTrainingDataCard(),
              record.getModelTemplateId(),
              record.getModelGroupId());
      return Model.reconstitute(
          record.getId(),
          definition,
          json.read(record.getRequestSchema()),
          json.read(record.getResponseSchema()),
          EpochMicros.toInstant(record.getCreatedAt()),
          new Actor(
              record.getCreatedByUserId(),
              IdentityType.fromWire(record.getCreatedByIdentityType())));
    } catch (RegistryException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "stored model '" + record.getId() + "' cannot be read: " + e.getMessage(), e);
    }
  }

  private BaseModelMetadata metadata(String stored) {
    return stored == null ? null : ModelDocuments.readBaseModelMetadata(json.read(stored));
  }
}
