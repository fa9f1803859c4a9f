package org.modelregistry.app;

import java.nio.file.Path;
import java.util.Objects;

/** Where stored model files live: a local folder (the embedded default) or an S3 bucket. */
public sealed interface StorageOptions {

  /** Files under {@code root} on the local filesystem. */
  record Local(Path root) implements StorageOptions {
    public Local {
      Objects.requireNonNull(root, "root");
    }
  }

  /**
   * Files in an S3-compatible bucket (MinIO, AWS S3, ...).
   *
   * @param prefix key prefix inside the bucket; empty for none
   */
  record S3(
      String endpoint,
      String region,
      String bucket,
      String prefix,
      String accessKey,
      String secretKey)
      implements StorageOptions {

    public S3 {
      Objects.requireNonNull(endpoint, "endpoint");
      Objects.requireNonNull(region, "region");
      Objects.requireNonNull(bucket, "bucket");
      Objects.requireNonNull(prefix, "prefix");
      Objects.requireNonNull(accessKey, "accessKey");
      Objects.requireNonNull(secretKey, "secretKey");
    }

    /** Never shows the secret key. */
    @Override
    public String toString() {
      return "S3[endpoint="
          + endpoint
          + ", region="
          + region
          + ", bucket="
          + bucket
          + ", prefix="
          + prefix
          + ", accessKey="
          + accessKey
          + ", secretKey=***]";
    }
  }
}
