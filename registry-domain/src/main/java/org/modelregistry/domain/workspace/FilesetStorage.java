package org.modelregistry.domain.workspace;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.modelregistry.domain.error.Violations;
import org.modelregistry.domain.naming.BoundedText;
import org.modelregistry.domain.naming.FilePath;

/**
 * Where a fileset's files live: the registry's own store, an S3 bucket, or a Hugging Face
 * repository. Credentials are {@link SecretRef}s, names of stored secrets, never their values.
 */
public sealed interface FilesetStorage {

  /** The wire value of the {@code type} field. */
  String type();

  /**
   * The source as trust policies match it, or null for the registry's own store, whose uploads have
   * no approvable origin. Sources at the public default endpoints are {@code s3://bucket/prefix}
   * and {@code hf://org/repo}; a source at another endpoint names it after a {@code +} in the
   * scheme ({@code s3+http://minio:9000/bucket/prefix}, {@code hf+https://hub.example/org/repo}),
   * so approving {@code hf://org/*} never approves a same-named repository on somebody else's
   * server.
   */
  String sourceUri();

  /** The secrets this storage names, by the name of the field naming each; empty for none. */
  Map<String, SecretRef> secrets();

  /**
   * Where credentials would be sent, as {@code field -> endpoint} ({@code endpoint_url} or {@code
   * endpoint}); empty for the registry's own store and for the public default endpoints (AWS S3,
   * huggingface.co).
   */
  Optional<Map.Entry<String, String>> customEndpoint();

  /** {@code endpoint} without its trailing slashes, for {@link #sourceUri()}. */
  private static String origin(String endpoint) {
    return endpoint.replaceFirst("/+$", "");
  }

  /** The registry's own artifact store: the default. */
  record Local() implements FilesetStorage {

    @Override
    public String type() {
      return "local";
    }

    @Override
    public String sourceUri() {
      return null;
    }

    @Override
    public Map<String, SecretRef> secrets() {
      return Map.of();
    }

    @Override
    public Optional<Map.Entry<String, String>> customEndpoint() {
      return Optional.empty();
    }
  }

  /**
   * An S3 (or S3-compatible) bucket, optionally below a prefix that obeys the file path rules.
   * Credentials are both given or both absent.
   */
  record S3(
      String bucket,
      FilePath prefix,
      String region,
      String endpointUrl,
      SecretRef accessKeyIdSecret,
      SecretRef secretAccessKeySecret)
      implements FilesetStorage {

    // Bucket naming rules of S3: 3-63 lower-case letters, digits, dots and hyphens.
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.\\-]{1,61}[a-z0-9]");

    public S3 {
      var violations = Violations.collect();
      if (bucket == null) {
        violations.add(Violations.MISSING, "bucket is required", "bucket");
      } else {
        violations.require(
            BUCKET.matcher(bucket).matches() && !bucket.contains(".."),
            "string_pattern_mismatch",
            "bucket must be 3 to 63 lower-case letters, digits, '.' and '-', starting and ending"
                + " with a letter or digit",
            "bucket");
      }
      violations
          .at("region")
          .attempt(() -> BoundedText.requireAtMost(region, BoundedText.IDENTIFIER_MAX, "region"));
      if (endpointUrl != null) {
        violations.at("endpoint_url").attempt(() -> HttpUris.require(endpointUrl, "endpoint_url"));
      }
      violations.require(
          (accessKeyIdSecret == null) == (secretAccessKeySecret == null),
          Violations.MISSING,
          "access_key_id_secret and secret_access_key_secret are given together or not at all",
          accessKeyIdSecret == null ? "access_key_id_secret" : "secret_access_key_secret");
      violations.throwIfAny();
    }

    @Override
    public String type() {
      return "s3";
    }

    @Override
    public String sourceUri() {
      String location = bucket + (prefix == null ? "" : "/" + prefix.value());
      return endpointUrl == null
          ? "s3://" + location
          : "s3+" + FilesetStorage.origin(endpointUrl) + "/" + location;
    }

    @Override
    public Map<String, SecretRef> secrets() {
      Map<String, SecretRef> secrets = new LinkedHashMap<>();
      if (accessKeyIdSecret != null) {
        secrets.put("access_key_id_secret", accessKeyIdSecret);
        secrets.put("secret_access_key_secret", secretAccessKeySecret);
      }
      return Collections.unmodifiableMap(secrets);
    }

    @Override
    public Optional<Map.Entry<String, String>> customEndpoint() {
      return Optional.ofNullable(endpointUrl).map(url -> Map.entry("endpoint_url", url));
    }
  }

  /** A Hugging Face repository at a revision, read from {@code endpoint}. */
  record HuggingFace(String repoId, String revision, String endpoint, SecretRef tokenSecret)
      implements FilesetStorage {

    public static final String DEFAULT_REVISION = "main";
    public static final String DEFAULT_ENDPOINT = "https://huggingface.co";

    // 'name' or 'org/name'; each part a name, so '.' and '..' cannot sneak into a URL path.
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_.\\-]{1,96}");
    private static final Pattern REVISION = Pattern.compile("[A-Za-z0-9_.\\-/]{1,255}");

    public HuggingFace {
      revision = revision == null ? DEFAULT_REVISION : revision;
      endpoint = endpoint == null ? DEFAULT_ENDPOINT : endpoint;
      var violations = Violations.collect();
      if (repoId == null) {
        violations.add(Violations.MISSING, "repo_id is required", "repo_id");
      } else {
        violations.require(
            validRepoId(repoId),
            "string_pattern_mismatch",
            "repo_id must be 'name' or 'organization/name' of letters, digits, '_', '-' and '.'",
            "repo_id");
      }
      violations.require(
          REVISION.matcher(revision).matches() && validSegments(revision),
          "string_pattern_mismatch",
          "revision must be a branch, tag or commit of letters, digits, '_', '-', '.' and '/'",
          "revision");
      String url = endpoint;
      violations.at("endpoint").attempt(() -> HttpUris.require(url, "endpoint"));
      violations.throwIfAny();
    }

    private static boolean validRepoId(String text) {
      String[] parts = text.split("/", -1);
      if (parts.length > 2) {
        return false;
      }
      for (String part : parts) {
        if (!PART.matcher(part).matches() || part.equals(".") || part.equals("..")) {
          return false;
        }
      }
      return true;
    }

    private static boolean validSegments(String text) {
      for (String part : text.split("/", -1)) {
        if (part.isEmpty() || part.equals(".") || part.equals("..")) {
          return false;
        }
      }
      return true;
    }

    @Override
    public String type() {
      return "huggingface";
    }

    @Override
    public String sourceUri() {
      return origin(endpoint).equals(DEFAULT_ENDPOINT)
          ? "hf://" + repoId
          : "hf+" + origin(endpoint) + "/" + repoId;
    }

    @Override
    public Map<String, SecretRef> secrets() {
      return tokenSecret == null ? Map.of() : Map.of("token_secret", tokenSecret);
    }

    @Override
    public Optional<Map.Entry<String, String>> customEndpoint() {
      return origin(endpoint).equals(DEFAULT_ENDPOINT)
          ? Optional.empty()
          : Optional.of(Map.entry("endpoint", endpoint));
    }
  }
}
