package org.modelregistry.adapter.persistence;

import java.util.LinkedHashMap;
import java.util.Map;
import org.modelregistry.adapter.persistence.jooq.tables.records.FilesetsRecord;
import org.modelregistry.domain.error.RegistryException;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.workspace.EntityName;
import org.modelregistry.domain.workspace.Fileset;
import org.modelregistry.domain.workspace.FilesetPurpose;
import org.modelregistry.domain.workspace.FilesetStorage;
import org.modelregistry.domain.workspace.SecretRef;
import org.modelregistry.domain.workspace.WorkspaceName;

/**
 * Converts filesets to rows of {@code filesets} and back. The purpose and the storage's type have
 * columns (wire values) for filtering; the storage's settings (secret names, never values), the
 * metadata and the custom fields are JSON documents.
 */
final class FilesetRecordMapper {

  private final JsonDocuments json;

  FilesetRecordMapper(JsonDocuments json) {
    this.json = json;
  }

  FilesetsRecord toRecord(Fileset fileset) {
    var record = new FilesetsRecord();
    record.setWorkspace(fileset.workspace().value());
    record.setName(fileset.name().value());
    record.setDescription(fileset.description());
    record.setProject(fileset.project());
    record.setPurpose(fileset.purpose().wire());
    record.setStorageType(fileset.storage().type());
    record.setStorage(json.write(storageDocument(fileset.storage())));
    record.setMetadata(json.write(fileset.metadata()));
    record.setCustomFields(json.write(fileset.customFields()));
    record.setCreatedAt(EpochMicros.of(fileset.createdAt()));
    record.setUpdatedAt(EpochMicros.of(fileset.updatedAt()));
    return record;
  }

  /**
   * The fileset a row holds.
   *
   * @throws IllegalStateException when the row cannot be read back: stored data is never the
   *     caller's mistake, so it must not surface as a validation failure
   */
  Fileset toFileset(FilesetsRecord record) {
    try {
      return new Fileset(
          new WorkspaceName(record.getWorkspace()),
          new EntityName(record.getName()),
          record.getDescription(),
          record.getProject(),
          FilesetPurpose.fromWire(record.getPurpose()),
          json.read(record.getMetadata()),
          json.read(record.getCustomFields()),
          storage(record.getStorageType(), json.read(record.getStorage())),
          EpochMicros.toInstant(record.getCreatedAt()),
          EpochMicros.toInstant(record.getUpdatedAt()));
    } catch (RegistryException | IllegalArgumentException | ClassCastException e) {
      throw new IllegalStateException(
          "stored fileset '"
              + record.getWorkspace()
              + "/"
              + record.getName()
              + "' cannot be read: "
              + e.getMessage(),
          e);
    }
  }

  private static Map<String, Object> storageDocument(FilesetStorage storage) {
    var document = new LinkedHashMap<String, Object>();
    switch (storage) {
      case FilesetStorage.Local local -> {}
      case FilesetStorage.S3 s3 -> {
        document.put("bucket", s3.bucket());
        putIfSet(document, "prefix", s3.prefix() == null ? null : s3.prefix().value());
        putIfSet(document, "region", s3.region());
        putIfSet(document, "endpoint_url", s3.endpointUrl());
        putIfSet(document, "access_key_id_secret", text(s3.accessKeyIdSecret()));
        putIfSet(document, "secret_access_key_secret", text(s3.secretAccessKeySecret()));
      }
      case FilesetStorage.HuggingFace hf -> {
        document.put("repo_id", hf.repoId());
        document.put("revision", hf.revision());
        document.put("endpoint", hf.endpoint());
        putIfSet(document, "token_secret", text(hf.tokenSecret()));
      }
    }
    return document;
  }

  private static FilesetStorage storage(String type, Map<String, Object> document) {
    return switch (type) {
      case "local" -> new FilesetStorage.Local();
      case "s3" ->
          new FilesetStorage.S3(
              string(document, "bucket"),
              document.get("prefix") == null ? null : new FilePath(string(document, "prefix")),
              string(document, "region"),
              string(document, "endpoint_url"),
              secret(document, "access_key_id_secret"),
              secret(document, "secret_access_key_secret"));
      case "huggingface" ->
          new FilesetStorage.HuggingFace(
              string(document, "repo_id"),
              string(document, "revision"),
              string(document, "endpoint"),
              secret(document, "token_secret"));
      default -> throw new IllegalArgumentException("unknown storage type '" + type + "'");
    };
  }

  private static String text(SecretRef secret) {
    return secret == null ? null : secret.value();
  }

  private static SecretRef secret(Map<String, Object> document, String key) {
    String value = string(document, key);
    return value == null ? null : new SecretRef(value);
  }

  private static String string(Map<String, Object> document, String key) {
    return (String) document.get(key);
  }

  private static void putIfSet(Map<String, Object> document, String key, Object value) {
    if (value != null) {
      document.put(key, value);
    }
  }
}
