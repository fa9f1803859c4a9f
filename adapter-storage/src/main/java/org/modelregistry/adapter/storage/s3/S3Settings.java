package org.modelregistry.adapter.storage.s3;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.regex.Pattern;
import org.modelregistry.domain.error.ValidationException;
import org.modelregistry.domain.naming.FilePath;

/**
 * Where an {@link S3ArtifactStore} keeps its objects and how it signs in. The secret key never
 * appears in {@link #toString()}.
 *
 * @param endpoint the S3 service, such as {@code https://s3.eu-central-1.amazonaws.com} or {@code
 *     http://minio:9000}; credentials never go into it
 * @param region the bucket's region; blank to let the client ask the service
 * @param bucket the bucket, created when missing
 * @param prefix the folder of the bucket that holds the store, such as {@code registry/artifacts};
 *     blank for the whole bucket. Leading and trailing slashes are dropped.
 * @param accessKey the access key id
 * @param secretKey the secret access key
 */
public record S3Settings(
    String endpoint,
    String region,
    String bucket,
    String prefix,
    String accessKey,
    String secretKey) {

  // The S3 naming rules, checked here so that a typo fails at startup rather than on first use.
  private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

  public S3Settings {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(accessKey, "accessKey");
    Objects.requireNonNull(secretKey, "secretKey");
    region = region == null ? "" : region.strip();
    prefix = normalizePrefix(prefix == null ? "" : prefix);
    requireHttpEndpoint(endpoint);
    if (!BUCKET_NAME.matcher(bucket).matches()) {
      throw new IllegalArgumentException(
          "bucket must be 3 to 63 lower-case letters, digits, dots or hyphens: " + bucket);
    }
  }

  @Override
  public String toString() {
    return "S3Settings[endpoint="
        + endpoint
        + ", region="
        + region
        + ", bucket="
        + bucket
        + ", prefix="
        + prefix
        + ", accessKey="
        + accessKey
        + ", secretKey=****]";
  }

  private static void requireHttpEndpoint(String endpoint) {
    URI uri;
    try {
      uri = new URI(endpoint);
    } catch (URISyntaxException e) {
      // Not echoed: a malformed value could be a misplaced secret.
      throw new IllegalArgumentException("endpoint must be an http(s) URL", e);
    }
    if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
        || uri.getHost() == null) {
      throw new IllegalArgumentException("endpoint must be an http(s) URL with a host");
    }
    if (uri.getRawUserInfo() != null) {
      // It would end up in logs and error messages; keys belong in accessKey and secretKey.
      throw new IllegalArgumentException("endpoint must not contain credentials");
    }
  }

  /** The prefix without outer slashes, checked with the same rules as any stored path. */
  private static String normalizePrefix(String prefix) {
    String stripped = prefix.strip();
    while (stripped.startsWith("/")) {
      stripped = stripped.substring(1);
    }
    while (stripped.endsWith("/")) {
      stripped = stripped.substring(0, stripped.length() - 1);
    }
    if (!stripped.isEmpty()) {
      try {
        new FilePath(stripped);
      } catch (ValidationException e) {
        throw new IllegalArgumentException("prefix is not a valid folder: " + e.getMessage(), e);
      }
    }
    return stripped;
  }
}
