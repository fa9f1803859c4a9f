package org.modelregistry.adapter.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.modelregistry.domain.workspace.Fileset;
import org.modelregistry.domain.workspace.FilesetRef;
import org.modelregistry.domain.workspace.FilesetStorage;
import org.modelregistry.ports.in.workspace.FilesetFile;

/**
 * Renders filesets as the reference's {@code FilesetOutput} names their fields (snake_case), and
 * their files as its {@code FilesetFileOutput}.
 *
 * <p>{@code id} is the fileset's {@code workspace/name}. {@code FilesetOutput} requires {@code
 * description} and {@code project} as strings, so an absent one is written as {@code ""}. Storage
 * secrets are written as the references they are, never resolved; a local fileset's {@code path} is
 * its folder in the registry's store.
 *
 * <p>A file's {@code file_ref} is {@code {workspace}/{fileset}/{path}}: the fileset's own reference
 * ({@code id}) followed by the file's path, unambiguous since names hold no '/'. Its {@code
 * file_url} is the absolute path of its download route, each segment percent-encoded.
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

  static Map<String, Object> file(FilesetRef fileset, FilesetFile file) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("file_ref", fileset + "/" + file.path().value());
    out.put("file_url", fileUrl(fileset, file));
    out.put("path", file.path().value());
    out.put("size", file.size());
    out.put("cache_status", file.cacheStatus().wire());
    return out;
  }

  /** {@code /apis/files/v2/workspaces/{workspace}/filesets/{name}/-/{path}}, encoded. */
  private static String fileUrl(FilesetRef fileset, FilesetFile file) {
    return "/apis/files/v2/workspaces/"
        + segment(fileset.workspace().value())
        + "/filesets/"
        + segment(fileset.name().value())
        + "/-/"
        + file.path().segments().stream()
            .map(FilesetResponse::segment)
            .collect(Collectors.joining("/"));
  }

  /**
   * One path segment with every byte but RFC 3986's unreserved characters percent-encoded (so '+',
   * which some servers decode as a space, is {@code %2B}).
   */
  private static String segment(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
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
