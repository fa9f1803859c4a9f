package org.modelregistry.adapter.persistence;

import org.modelregistry.adapter.persistence.jooq.tables.records.ModelTemplateRecord;
import org.modelregistry.domain.document.TemplateDocuments;
import org.modelregistry.domain.error.RegistryException;
import org.modelregistry.domain.identity.Actor;
import org.modelregistry.domain.identity.IdentityType;
import org.modelregistry.domain.naming.ResourceName;
import org.modelregistry.domain.template.EndpointProtocol;
import org.modelregistry.domain.template.EndpointType;
import org.modelregistry.domain.template.ModelType;
import org.modelregistry.domain.template.ParameterSchema;
import org.modelregistry.domain.template.Template;
import org.modelregistry.domain.template.TemplateDefinition;

/**
 * Converts templates to rows of {@code model_template} and back. Enums are stored by name, the
 * creator's identity type by its wire value, nested configuration as JSON documents.
 */
final class TemplateRecordMapper {

  private final JsonDocuments json;

  TemplateRecordMapper(JsonDocuments json) {
    this.json = json;
  }

  ModelTemplateRecord toRecord(Template template) {
    TemplateDefinition d = template.definition();
    var record = new ModelTemplateRecord();
    record.setId(template.id());
    record.setAccountId(d.accountId());
    record.setName(d.name().value());
    record.setEndpointType(d.endpointType().name());
    record.setModelType(d.modelType().name());
    record.setEndpointProtocol(d.endpointProtocol() == null ? null : d.endpointProtocol().name());
    record.setVendorConfiguration(
        json.write(TemplateDocuments.writeVendorConfiguration(d.vendorConfiguration())));
    record.setModelCreationParametersSchema(schemaJson(d.modelCreationParametersSchema()));
    record.setModelRequestParametersSchema(schemaJson(d.modelRequestParametersSchema()));
    record.setCreatedAt(EpochMicros.of(template.createdAt()));
    record.setCreatedByUserId(template.createdBy().userId());
    record.setCreatedByIdentityType(template.createdBy().identityType().wireValue());
    return record;
  }

  /**
   * The template a row holds.
   *
   * @throws IllegalStateException when the row cannot be read back: stored data is never the
   *     caller's mistake, so it must not surface as a validation failure
   */
  Template toTemplate(ModelTemplateRecord record) {
    try {
      var definition =
          new TemplateDefinition(
              record.getAccountId(),
              new ResourceName(record.getName()),
              EndpointType.valueOf(record.getEndpointType()),
              ModelType.valueOf(record.getModelType()),
              TemplateDocuments.readVendorConfiguration(json.read(record.getVendorConfiguration())),
              schema(record.getModelCreationParametersSchema()),
              schema(record.getModelRequestParametersSchema()),
              record.getEndpointProtocol() == null
                  ? null
                  : EndpointProtocol.valueOf(record.getEndpointProtocol()));
      return Template.reconstitute(
          record.getId(),
          definition,
          EpochMicros.toInstant(record.getCreatedAt()),
          new Actor(
              record.getCreatedByUserId(),
              IdentityType.fromWire(record.getCreatedByIdentityType())));
    } catch (RegistryException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "stored model template '" + record.getId() + "' cannot be read: " + e.getMessage(), e);
    }
  }

  private String schemaJson(ParameterSchema schema) {
    return schema == null ? null : json.write(TemplateDocuments.writeParameterSchema(schema));
  }

  private ParameterSchema schema(String stored) {
    return stored == null ? null : TemplateDocuments.readParameterSchema(json.read(stored));
  }
}
