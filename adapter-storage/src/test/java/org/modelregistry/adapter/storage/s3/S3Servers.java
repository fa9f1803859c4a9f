package org.modelregistry.adapter.storage.s3;

import io.minio.Http;
import io.minio.MinioClient;
import okhttp3.OkHttpClient;
import org.gaul.s3proxy.junit.S3ProxyExtension;

/** An in-process S3 server per test, and settings and raw clients to reach it. */
final class S3Servers {

  static final String ACCESS_KEY = "registry-access-key";
  static final String SECRET_KEY = "registry-secret-key-do-not-print";
  static final String REGION = "us-east-1";

  // Shared, because building an HTTP client the way MinIO does is slow (see S3ArtifactStore).
  private static final OkHttpClient HTTP = Http.newDefaultClient();

  private S3Servers() {}

  /** S3Proxy over an in-memory blob store, checking AWS signatures with the keys above. */
  static S3ProxyExtension extension() {
    return S3ProxyExtension.builder()
        // "transient" (in memory): "transient-nio2" let a HEAD pair one version's digest with
        // another's size under concurrent copies, which real S3 never does, making a contract
        // test flaky.
        .withBlobStoreProvider("transient")
        .withCredentials(ACCESS_KEY, SECRET_KEY)
        .build();
  }

  static S3Settings settings(S3ProxyExtension s3, String bucket, String prefix) {
    return new S3Settings(s3.getUri().toString(), REGION, bucket, prefix, ACCESS_KEY, SECRET_KEY);
  }

  /** A plain client to look behind the store's back. */
  static MinioClient client(S3ProxyExtension s3) {
    return MinioClient.builder()
        .endpoint(s3.getUri().toString())
        .region(REGION)
        .credentials(ACCESS_KEY, SECRET_KEY)
        .httpClient(HTTP, false)
        .build();
  }
}
