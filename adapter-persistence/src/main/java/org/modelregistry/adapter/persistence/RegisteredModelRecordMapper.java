package org.modelregistry.adapter.persistence;

import java.util.ArrayList;
import java.util.List;
import org.modelregistry.adapter.persistence.jooq.tables.records.RegisteredModelFilesRecord;
import org.modelregistry.adapter.persistence.jooq.tables.records.RegisteredModelsRecord;
import org.modelregistry.domain.error.RegistryException;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.naming.ResourceName;
import org.modelregistry.domain.registration.FileImport;
import org.modelregistry.domain.registration.FileImportState;
import org.modelregistry.domain.registration.ImportState;
import org.modelregistry.domain.registration.ModelMetainfo;
import org.modelregistry.domain.registration.RegisteredModel;
import org.modelregistry.domain.registration.RegistrationConfig;
import org.modelregistry.domain.registration.RegistrationDocuments;
import org.modelregistry.domain.registration.SourceUrl;
import org.modelregistry.domain.registration.VersionName;
import org.modelregistry.domain.registration.Visibility;

/**
 * Converts registered versions to a row of {@code registered_models} plus one row of {@code
 * registered_model_files} per file (numbered by its place in the registration), and back. Enums are
 * stored by name, the configuration in its stored form (docker registry password included) and the
 * metainfo as JSON documents. The model type is kept in a column of its own for filtering; it
 * repeats the configuration's.
 */
final class RegisteredModelRecordMapper {

  private final JsonDocuments json;

  RegisteredModelRecordMapper(JsonDocuments json) {
    this.json = json;
  }

  RegisteredModelsRecord toRecord(RegisteredModel model) {
    var record = new RegisteredModelsRecord();
    record.setId(model.id());
    record.setOwnerId(model.ownerId());
    record.setName(model.name().value());
    record.setVersion(model.version().value());
    record.setVisibility(model.visibility().name());
    record.setType(model.type().name());
    record.setDescription(model.description());
    record.setMetainfo(
        model.metainfo() == null
            ? null
            : json.write(RegistrationDocuments.writeMetainfo(model.metainfo())));
    record.setConfig(json.write(RegistrationDocuments.writeStoredConfig(model.config())));
    record.setState(model.state().name());
    record.setCreatedAt(EpochMicros.of(model.createdAt()));
    record.setUpdatedAt(EpochMicros.of(model.updatedAt()));
    return record;
  }

  /** The file rows of {@code model}, in file order. */
  List<RegisteredModelFilesRecord> toFileRecords(RegisteredModel model) {
    var records = new ArrayList<RegisteredModelFilesRecord>();
    List<FileImport> files = model.files();
    for (int position = 0; position < files.size(); position++) {
      FileImport file = files.get(position);
      var record = new RegisteredModelFilesRecord();
      record.setModelId(model.id());
      record.setPosition(position);
      record.setTarget(file.target().value());
      record.setSourceUrl(file.source().value());
      record.setState(file.state().name());
      record.setExpectedBytes(file.expectedBytes());
      record.setBytesCopied(file.bytesCopied());
      record.setSize(file.size());
      record.setSha256(file.sha256());
      record.setFailureReason(file.failureReason());
      records.add(record);
    }
    return records;
  }

  /**
   * The version a row and its file rows (in position order) hold.
   *
   * @throws IllegalStateException when the rows cannot be read back: stored data is never the
   *     caller's mistake, so it must not surface as a validation failure
   */
  RegisteredModel toModel(RegisteredModelsRecord record, List<RegisteredModelFilesRecord> files) {
    try {
      RegistrationConfig config =
          RegistrationDocuments.readStoredConfig(json.read(record.getConfig()));
      if (!config.type().name().equals(record.getType())) {
        throw new IllegalArgumentException(
            "type " + record.getType() + " differs from the configuration's " + config.type());
      }
      return RegisteredModel.reconstitute(
          record.getId(),
          record.getOwnerId(),
          new ResourceName(record.getName()),
          new VersionName(record.getVersion()),
          Visibility.valueOf(record.getVisibility()),
          record.getDescription(),
          metainfo(record.getMetainfo()),
          config,
          files.stream().map(RegisteredModelRecordMapper::toFile).toList(),
          ImportState.valueOf(record.getState()),
          EpochMicros.toInstant(record.getCreatedAt()),
          EpochMicros.toInstant(record.getUpdatedAt()));
    } catch (RegistryException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "stored registered model '" + record.getId() + "' cannot be read: " + e.getMessage(), e);
    }
  }

  private ModelMetainfo metainfo(String stored) {
    return stored == null ? null : RegistrationDocuments.readMetainfo(json.read(stored));
  }

  private static FileImport toFile(RegisteredModelFilesRecord record) {
    return new FileImport(
        new FilePath(record.getTarget()),
        new SourceUrl(record.getSourceUrl()),
        FileImportState.valueOf(record.getState()),
        record.getExpectedBytes(),
        record.getBytesCopied(),
        record.getSize(),
        record.getSha256(),
        record.getFailureReason());
  }
}
