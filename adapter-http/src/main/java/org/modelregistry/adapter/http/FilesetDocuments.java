package org.modelregistry.adapter.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.modelregistry.domain.error.Violations;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.workspace.EntityName;
import org.modelregistry.domain.workspace.FilesetPatch;
import org.modelregistry.domain.workspace.FilesetPurpose;
import org.modelregistry.domain.workspace.FilesetStorage;
import org.modelregistry.domain.workspace.SecretRef;
import org.modelregistry.domain.workspace.WorkspaceName;
import org.modelregistry.ports.in.workspace.NewFileset;

/**
 * Reads the fileset bodies (already checked against the reference's {@code CreateFilesetRequest}
 * and {@code UpdateFilesetRequest}) into domain values. Parts of the wrong JSON type read as
 * absent: the schema has reported them. Violations are located from the body's root.
 *
 * <p>Storage configs name their secrets by reference ({@link SecretRef}); no secret value is ever
 * read. A {@code local} storage is the registry's own store (its {@code path} is the registry's to
 * choose and is ignored); {@code ngc} storage and {@code use_sdk_auth} are not supported. Tuning
 * fields ({@code read_chunk_size}, {@code cache}, ...) are accepted and ignored.
 */
final class FilesetDocuments {

  private FilesetDocuments() {}

  /** A {@code CreateFilesetRequest} for a fileset in {@code workspace}. */
  static Function<Map<String, Object>, NewFileset> create(WorkspaceName workspace) {
    return body -> {
      var violations = Violations.collect();
      EntityName name = parsed(body, "name", EntityName::new, violations);
      FilesetPurpose purpose = parsed(body, "purpose", FilesetPurpose::fromWire, violations);
      FilesetStorage storage =
          body.get("storage") instanceof Map<?, ?> m ? storage(m, violations.at("storage")) : null;
      violations.throwIfAny();
      return new NewFileset(
          workspace,
          name,
          text(body, "description"),
          text(body, "project"),
          purpose,
          object(body, "metadata"),
          object(body, "custom_fields"),
          storage);
    };
  }

  /** An {@code UpdateFilesetRequest}: absent fields keep their value. */
  static FilesetPatch patch(Map<String, Object> body) {
    var violations = Violations.collect();
    FilesetPurpose purpose = parsed(body, "purpose", FilesetPurpose::fromWire, violations);
    violations.throwIfAny();
    return new FilesetPatch(
        text(body, "description"),
        text(body, "project"),
        purpose,
        object(body, "metadata"),
        object(body, "custom_fields"));
  }

  /** The storage config; its kind is its {@code type}, else the field only that kind requires. */
  private static FilesetStorage storage(Map<?, ?> m, Violations at) {
    String type = text(m, "type");
    if (type == null) {
      type =
          m.containsKey("bucket")
              ? "s3"
              : m.containsKey("repo_id") ? "huggingface" : m.containsKey("org") ? "ngc" : "local";
    }
    return switch (type) {
      case "local" -> new FilesetStorage.Local();
      case "s3" -> s3(m, at);
      case "huggingface" -> {
        SecretRef token = parsed(m, "token_secret", SecretRef::new, at);
        yield at.attempt(
            () ->
                new FilesetStorage.HuggingFace(
                    text(m, "repo_id"), text(m, "revision"), text(m, "endpoint"), token));
      }
      default -> {
        at.add("value_error", "storage type '" + type + "' is not supported", "type");
        yield null;
      }
    };
  }

  private static FilesetStorage s3(Map<?, ?> m, Violations at) {
    if (Boolean.TRUE.equals(m.get("use_sdk_auth"))) {
      at.add(
          "value_error",
          "use_sdk_auth is only for the registry's own store; name the credentials by secret",
          "use_sdk_auth");
    }
    String prefixText = text(m, "prefix");
    FilePath prefix =
        prefixText == null || prefixText.isEmpty()
            ? null
            : at.at("prefix").attempt(() -> new FilePath(prefixText));
    SecretRef accessKeyId = parsed(m, "access_key_id_secret", SecretRef::new, at);
    SecretRef secretAccessKey = parsed(m, "secret_access_key_secret", SecretRef::new, at);
    return at.attempt(
        () ->
            new FilesetStorage.S3(
                text(m, "bucket"),
                prefix,
                text(m, "region"),
                text(m, "endpoint_url"),
                accessKeyId,
                secretAccessKey));
  }

  private static <T> T parsed(
      Map<?, ?> body, String key, Function<String, T> factory, Violations violations) {
    String text = text(body, key);
    return text == null ? null : violations.at(key).attempt(() -> factory.apply(text));
  }

  private static Map<String, Object> object(Map<?, ?> body, String key) {
    if (!(body.get(key) instanceof Map<?, ?> m)) {
      return null;
    }
    Map<String, Object> copy = new LinkedHashMap<>();
    m.forEach((k, v) -> copy.put(String.valueOf(k), v));
    return copy;
  }

  private static String text(Map<?, ?> map, String key) {
    return map.get(key) instanceof String s ? s : null;
  }
}
