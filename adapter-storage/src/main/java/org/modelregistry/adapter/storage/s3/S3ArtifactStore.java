package org.modelregistry.adapter.storage.s3;

import io.minio.BucketExistsArgs;
import io.minio.CopyObjectArgs;
import io.minio.Directive;
import io.minio.GetObjectArgs;
import io.minio.Http;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.ObjectWriteArgs;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.RemoveObjectsArgs;
import io.minio.Result;
import io.minio.SourceObject;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import io.minio.messages.DeleteRequest;
import io.minio.messages.DeleteResult;
import io.minio.messages.Item;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import okhttp3.OkHttpClient;
import org.modelregistry.domain.error.ValidationException;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.ports.out.ArtifactStore;
import org.modelregistry.ports.out.DependencyCheck;
import org.modelregistry.ports.out.StorageException;
import org.modelregistry.ports.out.StoredArtifact;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link ArtifactStore} in an S3 bucket (AWS S3, MinIO or any S3-compatible service), through
 * the MinIO Java client.
 *
 * <p>Keys below the configured prefix: {@code files/<path>} holds stored files, each with its
 * SHA-256 as user metadata {@value #SHA256_METADATA}; {@code incoming/<uuid>} holds uploads in
 * progress. The areas are disjoint, so no {@link FilePath} can reach an upload.
 *
 * <p>A write uploads to a fresh key in {@code incoming/} while counting and hashing the bytes, then
 * copies that object server-side onto its final key with the digest as metadata, and removes the
 * upload. The detour exists because S3 metadata is fixed when an object is created, while the
 * digest is only known once the stream has ended. It also gives the guarantees of the port: the
 * final key only ever changes through one atomic copy of a complete, verified object, so a stream
 * that fails or has the wrong length never replaces the previous content nor leaves a visible
 * object. A stream longer than expected is stopped before its last part is sent. The price is one
 * server-side copy per write (no bytes through this process). Uploads left behind by a crashed
 * process, and incomplete multipart uploads, are best expired by a bucket lifecycle rule on {@code
 * <prefix>/incoming/}.
 *
 * <p>Memory use is bounded by the part size per concurrent write: the client buffers one part
 * before sending it. Error messages name the operation, the path and the service's error code,
 * never the credentials.
 */
public final class S3ArtifactStore implements ArtifactStore, AutoCloseable {

  /** Part size of multipart uploads unless another is given: memory per write, 160 GiB max. */
  public static final long DEFAULT_PART_SIZE = 16L * 1024 * 1024;

  /** The smallest part S3 accepts (except for the last part). */
  public static final long MIN_PART_SIZE = ObjectWriteArgs.MIN_MULTIPART_SIZE;

  static final String FILES = "files/";
  static final String INCOMING = "incoming/";
  static final String SHA256_METADATA = "sha256";

  private static final Logger log = LoggerFactory.getLogger(S3ArtifactStore.class);
  private static final int MAX_PARTS = 10_000;
  private static final int DELETE_BATCH = 1000;
  // A range past the end makes the read check the size; the object may change in between.
  private static final int READ_ATTEMPTS = 3;

  private final MinioClient client;
  private final String bucket;
  private final String filesRoot;
  private final String incomingRoot;
  private final long partSize;

  private S3ArtifactStore(MinioClient client, S3Settings settings, long partSize) {
    this.client = client;
    this.bucket = settings.bucket();
    String base = settings.prefix().isEmpty() ? "" : settings.prefix() + "/";
    this.filesRoot = base + FILES;
    this.incomingRoot = base + INCOMING;
    this.partSize = partSize;
  }

  /**
   * Connects to the service and creates the bucket when it is missing, with the {@linkplain
   * #DEFAULT_PART_SIZE default part size}.
   *
   * @throws StorageException when the service cannot be reached or refuses the credentials
   */
  public static S3ArtifactStore open(S3Settings settings) {
    return open(settings, DEFAULT_PART_SIZE);
  }

  /**
   * Connects to the service and creates the bucket when it is missing.
   *
   * @param partSize bytes per part of multipart uploads, at least {@link #MIN_PART_SIZE}; larger
   *     parts allow larger files of unknown size (10,000 parts) at the cost of memory per write
   * @throws StorageException when the service cannot be reached or refuses the credentials
   */
  public static S3ArtifactStore open(S3Settings settings, long partSize) {
    Objects.requireNonNull(settings, "settings");
    if (partSize < MIN_PART_SIZE || partSize > ObjectWriteArgs.MAX_PART_SIZE) {
      throw new IllegalArgumentException("partSize must be between 5 MiB and 5 GiB");
    }
    MinioClient.Builder builder =
        MinioClient.builder()
            .endpoint(settings.endpoint())
            .credentials(settings.accessKey(), settings.secretKey())
            .httpClient(SharedHttpClient.INSTANCE, false);
    if (!settings.region().isEmpty()) {
      builder.region(settings.region());
    }
    var store = new S3ArtifactStore(builder.build(), settings, partSize);
    try {
      store.createBucketIfMissing();
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    return store;
  }

  /**
   * Checks that the bucket answers (for readiness probes): one HEAD request, with this store's
   * credentials, which a failure never shows.
   */
  public DependencyCheck readinessCheck() {
    return DependencyCheck.of(
        "artifact_store",
        () -> {
          try {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
              throw new StorageException("bucket " + bucket + " does not exist");
            }
          } catch (MinioException | IllegalStateException e) {
            throw failure("cannot reach bucket", bucket, e);
          }
        });
  }

  @Override
  public StoredArtifact write(FilePath path, InputStream content, long expectedSize) {
    Objects.requireNonNull(content, "content");
    if (expectedSize < -1) {
      throw new IllegalArgumentException("expectedSize must be -1 (unknown) or at least 0");
    }
    String key = key(path);
    String upload = incomingRoot + UUID.randomUUID();
    var counted = new DigestingInputStream(content, expectedSize);
    try {
      client.putObject(
          PutObjectArgs.builder().bucket(bucket).object(upload).stream(
                  counted, expectedSize, partSizeFor(expectedSize))
              .build());
      // A known-size upload may stop reading at the size; the port reads streams to their end,
      // which also proves the stream is not longer.
      counted.drainToEnd();
      if (expectedSize >= 0 && counted.count() != expectedSize) {
        throw endedEarly(path, counted.count(), expectedSize);
      }
      String sha256 = counted.sha256Hex();
      // Atomic on the final key: readers see the previous object or this complete one.
      client.copyObject(
          CopyObjectArgs.builder()
              .bucket(bucket)
              .object(key)
              .source(SourceObject.builder().bucket(bucket).object(upload).build())
              .metadataDirective(Directive.REPLACE)
              .userMetadata(Map.of(SHA256_METADATA, sha256))
              .build());
      return new StoredArtifact(path, counted.count(), sha256);
    } catch (MinioException | IOException | IllegalStateException e) {
      throw writeFailure(path, counted, expectedSize, e);
    } finally {
      removeQuietly(upload);
    }
  }

  @Override
  public Optional<InputStream> read(FilePath path, long offset, long length) {
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative: " + offset);
    }
    if (length < -1) {
      throw new IllegalArgumentException("length must be -1 (to the end) or at least 0");
    }
    String key = key(path);
    try {
      if (length == 0) {
        return head(key).map(head -> emptyAt(path, offset, head.size()));
      }
      for (int attempt = 1; attempt <= READ_ATTEMPTS; attempt++) {
        GetObjectArgs.Builder get = GetObjectArgs.builder().bucket(bucket).object(key);
        if (offset > 0 || length > 0) {
          // One ranged GET serves one version, and the service clips a range beyond the end.
          // (Clipped so that the range's last byte, offset + length - 1, cannot overflow.)
          get.offset(offset).length(length > 0 ? Math.min(length, Long.MAX_VALUE - offset) : null);
        }
        try {
          return get(get.build());
        } catch (ErrorResponseException e) {
          if (!"InvalidRange".equals(code(e))) {
            throw e;
          }
        }
        // The range starts at or after the end of the version the GET saw: at the end is an empty
        // read, after it an error; unless a longer version has replaced it since, then read again.
        Optional<StatObjectResponse> head = head(key);
        if (head.isEmpty()) {
          return Optional.empty();
        }
        if (offset >= head.get().size()) {
          return Optional.of(emptyAt(path, offset, head.get().size()));
        }
      }
      throw new StorageException(
          "cannot read " + path + ": it kept changing size while being read");
    } catch (MinioException | IllegalStateException e) {
      throw failure("cannot read", path, e);
    }
  }

  /** An empty read at {@code offset}, which must not be beyond the end. */
  private static InputStream emptyAt(FilePath path, long offset, long size) {
    if (offset > size) {
      throw new IllegalArgumentException(
          "offset " + offset + " is beyond the end of " + path + " (" + size + " bytes)");
    }
    return InputStream.nullInputStream();
  }

  @Override
  public Optional<StoredArtifact> stat(FilePath path) {
    try {
      return head(key(path)).map(head -> new StoredArtifact(path, head.size(), digest(head, path)));
    } catch (MinioException | IllegalStateException e) {
      throw failure("cannot stat", path, e);
    }
  }

  @Override
  public boolean delete(FilePath path) {
    String key = key(path);
    try {
      if (head(key).isEmpty()) {
        return false;
      }
      client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
      return true;
    } catch (MinioException | IllegalStateException e) {
      throw failure("cannot delete", path, e);
    }
  }

  @Override
  public List<StoredArtifact> list(FilePath prefix) {
    var found = new ArrayList<StoredArtifact>();
    try {
      for (Result<Item> result : listBelow(prefix)) {
        Item item = result.get();
        // The listing carries no user metadata: one HEAD per file fetches the digest, and drops
        // files deleted since they were listed.
        toFilePath(item).flatMap(this::stat).ifPresent(found::add);
      }
    } catch (MinioException | IllegalStateException e) {
      throw failure("cannot list", prefix, e);
    }
    found.sort(Comparator.comparing(artifact -> artifact.path().value()));
    return List.copyOf(found);
  }

  @Override
  public int deleteAll(FilePath prefix) {
    int deleted = 0;
    var batch = new ArrayList<DeleteRequest.Object>();
    try {
      for (Result<Item> result : listBelow(prefix)) {
        Item item = result.get();
        if (!item.isDir()) {
          batch.add(new DeleteRequest.Object(item.objectName()));
        }
        if (batch.size() == DELETE_BATCH) {
          deleted += removeAll(batch, prefix);
          batch.clear();
        }
      }
      if (!batch.isEmpty()) {
        deleted += removeAll(batch, prefix);
      }
    } catch (MinioException | IllegalStateException e) {
      throw failure("cannot delete below", prefix, e);
    }
    return deleted;
  }

  /**
   * Releases what this store holds of its client. The pooled HTTP connections and threads are
   * shared by every store of the process and stay.
   */
  @Override
  public void close() {
    try {
      client.close();
    } catch (Exception e) {
      log.debug("cannot close the S3 client", e);
    }
  }

  /**
   * One HTTP client for every store of the process, as OkHttp recommends: connections and threads
   * are pooled, and building one is costly (the client's TLS trust is assembled each time, from
   * {@code SSL_CERT_FILE} and {@code SSL_CERT_DIR} when they are set).
   */
  private static final class SharedHttpClient {
    static final OkHttpClient INSTANCE = Http.newDefaultClient();
  }

  // ---- keys --------------------------------------------------------------------------------

  /**
   * The object key of {@code path}. Segments are re-checked although {@link FilePath} already
   * refuses them: S3-compatible services that map keys onto a filesystem could resolve them.
   */
  private String key(FilePath path) {
    Objects.requireNonNull(path, "path");
    for (String segment : path.value().split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw new StorageException("refused a path that is not plain and relative: " + path);
      }
    }
    return filesRoot + path.value();
  }

  private Optional<FilePath> toFilePath(Item item) {
    if (item.isDir()) {
      return Optional.empty();
    }
    String name = item.objectName();
    try {
      return Optional.of(new FilePath(name.substring(filesRoot.length())));
    } catch (ValidationException e) {
      // Put there by another tool (no FilePath names it), so not one of this store's files.
      log.warn("ignoring object {}: not a valid file path", name);
      return Optional.empty();
    }
  }

  private Iterable<Result<Item>> listBelow(FilePath prefix) {
    // The trailing slash keeps siblings such as a/bc out of the listing of a/b.
    return client.listObjects(
        ListObjectsArgs.builder().bucket(bucket).prefix(key(prefix) + "/").recursive(true).build());
  }

  /** The configured part size, raised when a known size would otherwise need too many parts. */
  private long partSizeFor(long expectedSize) {
    if (expectedSize < 0) {
      return partSize;
    }
    long needed = (expectedSize + MAX_PARTS - 1) / MAX_PARTS;
    long roundedToMebibytes = (needed + (1 << 20) - 1) >> 20 << 20;
    return Math.min(ObjectWriteArgs.MAX_PART_SIZE, Math.max(partSize, roundedToMebibytes));
  }

  // ---- requests ----------------------------------------------------------------------------

  private void createBucketIfMissing() {
    try {
      if (client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
        return;
      }
      client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
      log.info("created bucket {}", bucket);
    } catch (ErrorResponseException e) {
      // Another instance may have created it since the check.
      if (!"BucketAlreadyOwnedByYou".equals(code(e))) {
        throw failure("cannot create bucket", bucket, e);
      }
    } catch (MinioException | IllegalStateException e) {
      throw failure("cannot reach bucket", bucket, e);
    }
  }

  private Optional<StatObjectResponse> head(String key) throws MinioException {
    try {
      return Optional.of(
          client.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build()));
    } catch (ErrorResponseException e) {
      if (isMissing(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private Optional<InputStream> get(GetObjectArgs args) throws MinioException {
    try {
      return Optional.of(client.getObject(args));
    } catch (ErrorResponseException e) {
      if (isMissing(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private int removeAll(List<DeleteRequest.Object> batch, FilePath prefix) throws MinioException {
    int failed = 0;
    String firstError = null;
    // The result is lazy: iterating it is what sends the request.
    for (Result<DeleteResult.Error> result :
        client.removeObjects(
            RemoveObjectsArgs.builder().bucket(bucket).objects(List.copyOf(batch)).build())) {
      DeleteResult.Error error = result.get();
      failed++;
      if (firstError == null) {
        firstError = error.code() + " on " + error.objectName();
      }
    }
    if (failed > 0) {
      throw new StorageException(
          "cannot delete " + failed + " objects below " + prefix + " (first: " + firstError + ")");
    }
    return batch.size();
  }

  private void removeQuietly(String key) {
    try {
      client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
    } catch (MinioException | IllegalStateException e) {
      log.warn("cannot remove upload {} in bucket {}: {}", key, bucket, describe(e));
    }
  }

  private static String digest(StatObjectResponse head, FilePath path) {
    String sha256 = head.userMetadata().getFirst(SHA256_METADATA);
    if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
      throw new StorageException(
          path + " has no SHA-256 metadata, so it was not written by this store");
    }
    return sha256;
  }

  // ---- errors ------------------------------------------------------------------------------

  private StorageException writeFailure(
      FilePath path, DigestingInputStream counted, long expectedSize, Exception e) {
    IOException contentFailure = counted.failure();
    if (contentFailure instanceof DigestingInputStream.TooLongException) {
      return new StorageException("cannot store " + path + ": " + contentFailure.getMessage());
    }
    if (contentFailure != null) {
      return new StorageException("cannot read the content for " + path, contentFailure);
    }
    if (expectedSize >= 0 && counted.reachedEnd() && counted.count() != expectedSize) {
      return endedEarly(path, counted.count(), expectedSize);
    }
    return failure("cannot store", path, e);
  }

  private static StorageException endedEarly(FilePath path, long size, long expectedSize) {
    return new StorageException(
        "the content for " + path + " ended after " + size + " of " + expectedSize + " bytes");
  }

  private StorageException failure(String action, Object subject, Exception e) {
    return new StorageException(
        action + " " + subject + " in bucket " + bucket + ": " + describe(e), e);
  }

  /**
   * What went wrong, from the service's error code and message or the transport failure; never the
   * request, whose headers carry the access key.
   */
  private static String describe(Exception e) {
    if (e instanceof ErrorResponseException response) {
      return code(response) + " (" + response.errorResponse().message() + ")";
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  private static String code(ErrorResponseException e) {
    return e.errorResponse().code();
  }

  private static boolean isMissing(ErrorResponseException e) {
    return "NoSuchKey".equals(code(e)) || "NoSuchObject".equals(code(e));
  }
}
