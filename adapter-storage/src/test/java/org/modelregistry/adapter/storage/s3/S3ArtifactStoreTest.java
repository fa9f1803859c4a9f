package org.modelregistry.adapter.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minio.BucketExistsArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveBucketArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.messages.Item;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.ports.out.StorageException;
import org.modelregistry.ports.out.StoredArtifact;

/** What only the S3 store does: its bucket, its key layout, its error messages. */
class S3ArtifactStoreTest {

  @RegisterExtension final S3ProxyExtension s3 = S3Servers.extension();

  @Test
  void givenTheBucket_readinessCheck_passes_andFailsOnceTheBucketIsGone() throws Exception {
    try (var store = S3ArtifactStore.open(S3Servers.settings(s3, "probed", ""));
        MinioClient client = S3Servers.client(s3)) {
      assertThatCode(store.readinessCheck()::check).doesNotThrowAnyException();

      client.removeBucket(RemoveBucketArgs.builder().bucket("probed").build());

      assertThatThrownBy(store.readinessCheck()::check)
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("probed");
    }
  }

  @Test
  void givenMissingBucket_open_createsIt() throws Exception {
    try (MinioClient client = S3Servers.client(s3)) {
      assertThat(client.bucketExists(BucketExistsArgs.builder().bucket("fresh").build())).isFalse();

      try (var store = S3ArtifactStore.open(S3Servers.settings(s3, "fresh", ""))) {
        assertThat(store.list(path("anything"))).isEmpty();
      }

      assertThat(client.bucketExists(BucketExistsArgs.builder().bucket("fresh").build())).isTrue();
    }
  }

  @Test
  void givenExistingBucketWithFiles_openAgain_keepsThem() {
    StoredArtifact written;
    try (var store = S3ArtifactStore.open(S3Servers.settings(s3, "kept", "p"))) {
      written = store.write(path("a/b"), content("abc"), 3);
    }

    try (var reopened = S3ArtifactStore.open(S3Servers.settings(s3, "kept", "p"))) {
      assertThat(reopened.stat(path("a/b"))).contains(written);
    }
  }

  @Test
  void givenPrefix_write_storesOneObjectBelowThePrefixWithItsDigest() throws Exception {
    StoredArtifact written;
    try (var store =
        S3ArtifactStore.open(S3Servers.settings(s3, "layout", "/tenant-1/artifacts/"))) {
      written = store.write(path("models/m1/weights.bin"), content("0123456789"), -1);
    }

    try (MinioClient client = S3Servers.client(s3)) {
      assertThat(allKeys(client, "layout"))
          .containsExactly("tenant-1/artifacts/files/models/m1/weights.bin");
      var head =
          client.statObject(
              StatObjectArgs.builder()
                  .bucket("layout")
                  .object("tenant-1/artifacts/files/models/m1/weights.bin")
                  .build());
      assertThat(head.size()).isEqualTo(10);
      assertThat(head.userMetadata().getFirst(S3ArtifactStore.SHA256_METADATA))
          .isEqualTo(written.sha256());
    }
  }

  @Test
  void givenEmptyPrefix_write_storesTheObjectBelowFilesAtTheBucketRoot() throws Exception {
    try (var store = S3ArtifactStore.open(S3Servers.settings(s3, "rooted", ""))) {
      store.write(path("x.bin"), content("x"), 1);
    }

    try (MinioClient client = S3Servers.client(s3)) {
      assertThat(allKeys(client, "rooted")).containsExactly("files/x.bin");
    }
  }

  @Test
  void givenStoresWithOtherPrefixesInOneBucket_listAndDeleteAll_stayWithinTheirPrefix() {
    try (var first = S3ArtifactStore.open(S3Servers.settings(s3, "shared", "one"));
        var second = S3ArtifactStore.open(S3Servers.settings(s3, "shared", "one-two"))) {
      StoredArtifact mine = first.write(path("d/file"), content("1"), 1);
      StoredArtifact theirs = second.write(path("d/file"), content("22"), 2);

      assertThat(first.list(path("d"))).containsExactly(mine);
      assertThat(first.deleteAll(path("d"))).isEqualTo(1);

      assertThat(second.list(path("d"))).containsExactly(theirs);
    }
  }

  @Test
  void givenObjectWithoutDigestMetadata_stat_failsWithStorageException() throws Exception {
    try (MinioClient client = S3Servers.client(s3);
        var store = S3ArtifactStore.open(S3Servers.settings(s3, "foreign", "p"))) {
      client.putObject(
          PutObjectArgs.builder().bucket("foreign").object("p/files/dropped.bin").stream(
                  content("dropped"), 7L, -1L)
              .build());

      assertThatThrownBy(() -> store.stat(path("dropped.bin")))
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("no SHA-256");
    }
  }

  @Test
  void givenWrongSecretKey_open_failsWithoutRevealingTheKeys() {
    String wrongSecret = "wrong-secret-key-must-stay-hidden";
    var settings =
        new S3Settings(
            s3.getUri().toString(),
            S3Servers.REGION,
            "denied",
            "",
            S3Servers.ACCESS_KEY,
            wrongSecret);

    assertThatThrownBy(() -> S3ArtifactStore.open(settings))
        .isInstanceOf(StorageException.class)
        .satisfies(
            e -> {
              String everything = stackTrace(e);
              assertThat(everything)
                  .contains("denied")
                  .doesNotContain(wrongSecret)
                  .doesNotContain(S3Servers.SECRET_KEY)
                  .doesNotContain(S3Servers.ACCESS_KEY);
            });
  }

  @Test
  void givenUnreachableEndpoint_open_failsWithStorageException() {
    var settings =
        new S3Settings(
            "http://127.0.0.1:1", S3Servers.REGION, "nowhere", "", S3Servers.ACCESS_KEY, "s");

    assertThatThrownBy(() -> S3ArtifactStore.open(settings))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("cannot reach bucket nowhere");
  }

  @Test
  void givenPartSizeBelowTheS3Minimum_open_throwsIllegalArgument() {
    var settings = S3Servers.settings(s3, "small-parts", "");

    assertThatThrownBy(() -> S3ArtifactStore.open(settings, 1024 * 1024))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<String> allKeys(MinioClient client, String bucket) throws Exception {
    var keys = new ArrayList<String>();
    for (Result<Item> result :
        client.listObjects(ListObjectsArgs.builder().bucket(bucket).recursive(true).build())) {
      keys.add(result.get().objectName());
    }
    return keys;
  }

  private static String stackTrace(Throwable e) {
    var out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  private static FilePath path(String value) {
    return new FilePath(value);
  }

  private static ByteArrayInputStream content(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
