package org.modelregistry.adapter.http;

import java.util.LinkedHashMap;
import java.util.Map;
import org.modelregistry.domain.workspace.Fileset;
import org.modelregistry.domain.workspace.FilesetStorage;

/**
 * Renders filesets as the reference's {@code FilesetOutput} names their fields (snake_case).
 *
 * <p>{@code id} is the fileset's {@code workspace/name}. {@code FilesetOutput} requires {@code
 * description} and {@code project} as strings, so an absent one is written as {@code ""}. Storage
 * secrets are written as the references they are, never resolved; a local fileset's {@code path} is
 * its folder in the registry's store.
 */
final class FilesetResponse {

  private FilesetResponse() {}

  static Map<String, Object> fileset(Fileset fileset) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", fileset.ref().toString());
    out.put("name", fileset.name().value());
    out.put("workspace", fileset.workspace().value());
    out.put("description", fileset.description() == null ? "" : fileset.description());
    out.put("purpose", fileset.purpose().wire());
    out.put("storage", storage(fileset));
    out.put("metadata", fileset.metadata());
    out.put("custom_fields", fileset.customFields());
    out.put("project", fileset.project() == null ? "" : fileset.project());
    out.put("created_at", WireTime.format(fileset.createdAt()));
    out.put("updated_at", WireTime.format(fileset.updatedAt()));
    return out;
  }

  private static Map<String, Object> storage(Fileset fileset) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("type", fileset.storage().type());
    switch (fileset.storage()) {
      case FilesetStorage.Local local -> out.put("path", fileset.ref().toString());
      case FilesetStorage.S3 s3 -> {
        out.put("bucket", s3.bucket());
        out.put("prefix", s3.prefix() == null ? "" : s3.prefix().value());
        putIfPresent(out, "region", s3.region());
        putIfPresent(out, "endpoint_url", s3.endpointUrl());
        putIfPresent(out, "access_key_id_secret", s3.accessKeyIdSecret());
        putIfPresent(out, "secret_access_key_secret", s3.secretAccessKeySecret());
      }
      case FilesetStorage.HuggingFace hf -> {
        out.put("repo_id", hf.repoId());
        out.put("revision", hf.revision());
        out.put("endpoint", hf.endpoint());
        putIfPresent(out, "token_secret", hf.tokenSecret());
      }
    }
    return out;
  }

  private static void putIfPresent(Map<String, Object> out, String key, Object value) {
    if (value != null) {
      out.put(key, value.toString());
    }
  }
}
