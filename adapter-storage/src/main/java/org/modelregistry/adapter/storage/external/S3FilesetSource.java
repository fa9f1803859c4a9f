package org.modelregistry.adapter.storage.external;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.Http;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import io.minio.errors.ServerException;
import io.minio.messages.Item;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.modelregistry.adapter.storage.fetch.ByteRanges;
import org.modelregistry.adapter.storage.fetch.GuardedClients;
import org.modelregistry.domain.error.ValidationException;
import org.modelregistry.domain.error.Violations;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.registration.Secret;
import org.modelregistry.domain.workspace.FilesetStorage;
import org.modelregistry.domain.workspace.SecretRef;
import org.modelregistry.ports.out.ExternalFile;
import org.modelregistry.ports.out.ExternalSourceException;
import org.modelregistry.ports.out.SecretStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the S3 (or S3-compatible) buckets filesets name, with the MinIO client: read only, below
 * the storage's prefix, as the two named secrets authenticate (anonymously when none are named).
 *
 * <p>The endpoint comes from a user, so the client reaching it is built by {@link GuardedClients}:
 * the endpoint is checked before the first request, and every name resolved and every address
 * connected to is checked again, unless the endpoint is allowlisted; no proxy, no redirects. Other
 * answers than object data are read at most {@link #MAX_ANSWER_BYTES} each, and a listing stops
 * after {@link #MAX_OBJECTS} objects.
 *
 * <p>Clients are cached per endpoint, region and credentials; they share one connection pool.
 * OkHttp reuses a pooled connection only for the same host and port through the same resolver, so
 * guarded and allowlisted clients never share one. Messages name the endpoint's host, the bucket
 * and the service's error code, never a secret.
 */
final class S3FilesetSource implements AutoCloseable {

  static final String AWS_ENDPOINT = "https://s3.amazonaws.com";
  static final long MAX_ANSWER_BYTES = 16L << 20;
  static final int MAX_OBJECTS = 100_000;

  private static final Logger log = LoggerFactory.getLogger(S3FilesetSource.class);
  private static final int CACHED_CLIENTS = 32;
  private static final Set<String> REFUSED_CREDENTIALS =
      Set.of(
          "AccessDenied",
          "InvalidAccessKeyId",
          "SignatureDoesNotMatch",
          "InvalidToken",
          "ExpiredToken",
          "AllAccessDisabled");
  private static final Set<String> WRONG_REGION =
      Set.of("PermanentRedirect", "Redirect", "AuthorizationHeaderMalformed");

  /** An access key; {@link Secret}s keep its {@code toString} free of the values. */
  private record Keys(Secret accessKey, Secret secretKey) {}

  /** What tells clients apart: null keys for anonymous access. */
  private record ClientKey(HttpUrl endpoint, String region, Keys keys) {}

  private final GuardedClients connections;
  private final SecretStore secrets;
  private final OkHttpClient base;
  private final Map<ClientKey, MinioClient> clients =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ClientKey, MinioClient> eldest) {
          return size() > CACHED_CLIENTS;
        }
      };

  S3FilesetSource(GuardedClients connections, SecretStore secrets) {
    this.connections = connections;
    this.secrets = secrets;
    var bounded = new BoundedAnswers(MAX_ANSWER_BYTES);
    this.base =
        SharedHttpClient.INSTANCE
            .newBuilder()
            .addInterceptor(bounded)
            .addInterceptor(new PartialAnswers())
            .build();
  }

  /**
   * Checks that the bucket exists and can be read with the named credentials.
   *
   * @return {@code storage}, unchanged: a bucket has nothing to pin
   * @throws ValidationException at {@code bucket}, {@code endpoint_url}, {@code region} or a {@code
   *     ..._secret}
   */
  FilesetStorage.S3 pin(FilesetStorage.S3 storage) {
    MinioClient client = client(storage, true);
    boolean exists;
    try {
      exists = client.bucketExists(BucketExistsArgs.builder().bucket(storage.bucket()).build());
    } catch (MinioException | RuntimeException e) {
      throw failure(storage, e, true);
    }
    if (!exists) {
      throw noSuchBucket(storage);
    }
    return storage;
  }

  /** Every object below the prefix whose key is a valid path, in path order. */
  List<ExternalFile> list(FilesetStorage.S3 storage) {
    MinioClient client = client(storage, false);
    String root = root(storage);
    var files = new TreeMap<String, ExternalFile>();
    int seen = 0;
    try {
      for (Result<Item> result :
          client.listObjects(
              ListObjectsArgs.builder()
                  .bucket(storage.bucket())
                  .prefix(root)
                  .recursive(true)
                  .build())) {
        Item item = result.get();
        if (++seen > MAX_OBJECTS) {
          throw new ExternalSourceException(
              "bucket '"
                  + storage.bucket()
                  + "' holds more than "
                  + MAX_OBJECTS
                  + " objects below '"
                  + root
                  + "'; a fileset lists at most that many");
        }
        toFile(item, root).ifPresent(file -> files.put(file.path().value(), file));
      }
    } catch (MinioException | RuntimeException e) {
      throw failure(storage, e, false);
    }
    return List.copyOf(files.values());
  }

  Optional<ExternalFile> stat(FilesetStorage.S3 storage, FilePath path) {
    MinioClient client = client(storage, false);
    try {
      return head(client, storage, path)
          .map(
              head -> new ExternalFile(path, head.size(), unquoted(head.etag()), Optional.empty()));
    } catch (MinioException | RuntimeException e) {
      throw failure(storage, e, false);
    }
  }

  /**
   * Opens {@code length} bytes (-1: to the end) of the object at {@code path} from {@code offset}.
   * The endpoint is asked for the range, but what it answers is checked: a partial answer must
   * start at the offset its {@code Content-Range} names, a whole object (an endpoint that ignored
   * the range) is skipped to the offset, and either is cut at the length.
   */
  Optional<InputStream> read(FilesetStorage.S3 storage, FilePath path, long offset, long length) {
    MinioClient client = client(storage, false);
    try {
      if (length == 0) {
        return head(client, storage, path).map(head -> InputStream.nullInputStream());
      }
      boolean ranged = offset > 0 || length > 0;
      GetObjectArgs.Builder get =
          GetObjectArgs.builder().bucket(storage.bucket()).object(key(storage, path));
      if (ranged) {
        // The last byte, offset + length - 1, must not overflow: a longer length means "all".
        get.offset(offset).length(length > 0 ? Math.min(length, Long.MAX_VALUE - offset) : null);
      }
      GetObjectResponse answer;
      try {
        answer = client.getObject(get.build());
      } catch (ErrorResponseException e) {
        if (isMissing(e)) {
          return Optional.empty();
        }
        if (!"InvalidRange".equals(e.errorResponse().code())) {
          throw e;
        }
        // The range starts at or beyond the end: at the end is an empty read, beyond it an error.
        return FileRanges.atOrBeyondEnd(
            head(client, storage, path).map(StatObjectResponse::size),
            path,
            offset,
            inBucket(storage),
            null);
      }
      return ranged ? Optional.of(cut(answer, storage, path, offset, length)) : Optional.of(answer);
    } catch (MinioException | RuntimeException e) {
      throw failure(storage, e, false);
    }
  }

  /**
   * The range asked for out of the answer to a ranged GET, whether the endpoint honoured the range
   * or not; closes the answer when it fails.
   */
  private static InputStream cut(
      GetObjectResponse answer,
      FilesetStorage.S3 storage,
      FilePath path,
      long offset,
      long length) {
    Supplier<ExternalSourceException> beyondEnd =
        () -> FileRanges.beyondEnd(path, offset, OptionalLong.empty(), inBucket(storage), null);
    String contentRange = answer.headers().get("Content-Range");
    if (contentRange != null) {
      // A partial answer (206): it holds the range asked for only if it starts at the offset.
      OptionalLong start = ByteRanges.contentRangeStart(contentRange);
      if (start.isEmpty() || start.getAsLong() != offset) {
        closeQuietly(answer);
        throw new ExternalSourceException(
            "the S3 endpoint "
                + hostOf(endpoint(storage))
                + " answered another range than the one from byte "
                + offset
                + " of '"
                + path
                + "' "
                + inBucket(storage));
      }
      return ByteRanges.slice(answer, 0, length, beyondEnd);
    }
    // The whole object (200): the endpoint ignored the range, which is cut out of it here.
    OptionalLong size = ByteRanges.announcedLength(answer.headers());
    if (size.isPresent() && offset >= size.getAsLong()) {
      closeQuietly(answer);
      return FileRanges.atOrBeyondEnd(
              Optional.of(size.getAsLong()), path, offset, inBucket(storage), null)
          .orElseThrow();
    }
    return ByteRanges.slice(answer, offset, length, beyondEnd);
  }

  private static void closeQuietly(InputStream answer) {
    try {
      answer.close();
    } catch (IOException e) {
      log.debug("closing an S3 answer failed", e);
    }
  }

  private static String inBucket(FilesetStorage.S3 storage) {
    return "in bucket '" + storage.bucket() + "'";
  }

  /**
   * Forgets the cached clients. Connections and threads stay: they belong to one HTTP client shared
   * by every source of the process, as in {@link
   * org.modelregistry.adapter.storage.s3.S3ArtifactStore}.
   */
  @Override
  public void close() {
    synchronized (clients) {
      clients.clear();
    }
  }

  /**
   * MinIO's own HTTP client (retries of throttled requests, HTTP/1.1, the trust of {@code
   * SSL_CERT_FILE}), built once as it is costly; each endpoint's client derives from it and shares
   * its connection pool and threads.
   */
  private static final class SharedHttpClient {
    static final OkHttpClient INSTANCE = Http.newDefaultClient();
  }

  // ---- clients ------------------------------------------------------------------------------

  private MinioClient client(FilesetStorage.S3 storage, boolean pinning) {
    HttpUrl endpoint = endpoint(storage);
    Optional<String> refusal = connections.refusal(endpoint);
    if (refusal.isPresent()) {
      String message = "the S3 endpoint " + hostOf(endpoint) + " is refused: " + refusal.get();
      throw pinning
          ? ValidationException.of(message, "endpoint_refused", "endpoint_url")
          : new ExternalSourceException(message);
    }
    String region =
        storage.region() == null || storage.region().isBlank() ? null : storage.region();
    var key = new ClientKey(endpoint, region, keys(storage, pinning).orElse(null));
    synchronized (clients) {
      MinioClient cached = clients.get(key);
      if (cached != null) {
        return cached;
      }
    }
    MinioClient client = build(key);
    synchronized (clients) {
      return clients.computeIfAbsent(key, k -> client);
    }
  }

  private MinioClient build(ClientKey key) {
    MinioClient.Builder builder;
    try {
      builder =
          MinioClient.builder()
              .endpoint(key.endpoint())
              .httpClient(connections.guard(base.newBuilder(), key.endpoint()).build(), false);
    } catch (IllegalArgumentException e) {
      throw ValidationException.of(
          "endpoint_url is not an S3 endpoint the client accepts", "url_parsing", "endpoint_url");
    }
    if (key.region() != null) {
      try {
        builder.region(key.region());
      } catch (IllegalArgumentException e) {
        throw ValidationException.of(
            "region must be an S3 region name such as 'us-east-1'",
            "string_pattern_mismatch",
            "region");
      }
    }
    if (key.keys() != null) {
      builder.credentials(key.keys().accessKey().value(), key.keys().secretKey().value());
    }
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw ValidationException.of(
          "endpoint_url and region do not make an S3 endpoint the client accepts",
          "value_error",
          "endpoint_url");
    }
  }

  /** The endpoint URL without path, user info or query, as MinIO takes it; AWS when unnamed. */
  private static HttpUrl endpoint(FilesetStorage.S3 storage) {
    String text = storage.endpointUrl() == null ? AWS_ENDPOINT : storage.endpointUrl();
    HttpUrl url = HttpUrl.parse(text);
    if (url == null
        || !url.username().isEmpty()
        || !url.password().isEmpty()
        || url.query() != null
        || url.fragment() != null
        || !url.encodedPath().equals("/")) {
      throw ValidationException.of(
          "endpoint_url must be scheme://host or scheme://host:port, without a path, user info or"
              + " query",
          "url_parsing",
          "endpoint_url");
    }
    return url;
  }

  /** Both keys, or empty for anonymous access. */
  private Optional<Keys> keys(FilesetStorage.S3 storage, boolean pinning) {
    if (storage.accessKeyIdSecret() == null || storage.secretAccessKeySecret() == null) {
      return Optional.empty();
    }
    Optional<Secret> accessKey = secrets.find(storage.accessKeyIdSecret());
    Optional<Secret> secretKey = secrets.find(storage.secretAccessKeySecret());
    var violations = Violations.collect();
    requireSecret(violations, accessKey, storage.accessKeyIdSecret(), "access_key_id_secret");
    requireSecret(
        violations, secretKey, storage.secretAccessKeySecret(), "secret_access_key_secret");
    if (!violations.isEmpty()) {
      if (pinning) {
        violations.throwIfAny();
      }
      throw new ExternalSourceException(
          "a secret the S3 storage of bucket '" + storage.bucket() + "' names does not exist");
    }
    return Optional.of(new Keys(accessKey.get(), secretKey.get()));
  }

  private static void requireSecret(
      Violations violations, Optional<Secret> value, SecretRef ref, String field) {
    violations.require(
        value.isPresent(), "secret_not_found", "the secret '" + ref + "' does not exist", field);
  }

  // ---- objects ------------------------------------------------------------------------------

  private static String root(FilesetStorage.S3 storage) {
    return storage.prefix() == null ? "" : storage.prefix().value() + "/";
  }

  private static String key(FilesetStorage.S3 storage, FilePath path) {
    return root(storage) + path.value();
  }

  private static Optional<StatObjectResponse> head(
      MinioClient client, FilesetStorage.S3 storage, FilePath path) throws MinioException {
    try {
      return Optional.of(
          client.statObject(
              StatObjectArgs.builder()
                  .bucket(storage.bucket())
                  .object(key(storage, path))
                  .build()));
    } catch (ErrorResponseException e) {
      if (isMissing(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** The file an listed object is, unless it is a folder marker or its key is no valid path. */
  private static Optional<ExternalFile> toFile(Item item, String root) {
    String name = item.objectName();
    if (item.isDir() || item.isDeleteMarker() || name == null || !name.startsWith(root)) {
      return Optional.empty();
    }
    String relative = name.substring(root.length());
    if (relative.isEmpty() || relative.endsWith("/")) {
      return Optional.empty();
    }
    FilePath path;
    try {
      path = new FilePath(relative);
    } catch (ValidationException e) {
      log.debug("skipping object {}: not a valid file path", name);
      return Optional.empty();
    }
    return Optional.of(
        new ExternalFile(path, Math.max(0, item.size()), unquoted(item.etag()), Optional.empty()));
  }

  private static String unquoted(String etag) {
    return etag == null ? "" : etag.replace("\"", "").strip();
  }

  private static boolean isMissing(ErrorResponseException e) {
    String code = e.errorResponse().code();
    return "NoSuchKey".equals(code) || "NoSuchObject".equals(code);
  }

  // ---- errors -------------------------------------------------------------------------------

  private static ValidationException noSuchBucket(FilesetStorage.S3 storage) {
    return ValidationException.of(
        "there is no bucket '"
            + storage.bucket()
            + "' at the S3 endpoint "
            + hostOf(endpoint(storage)),
        "bucket_not_found",
        "bucket");
  }

  /**
   * What a failure means for the user: the service's error code, or how the connection failed.
   * Never the exception's own message, which may quote the request.
   */
  private static RuntimeException failure(FilesetStorage.S3 storage, Exception e, boolean pinning) {
    if (e instanceof ExternalSourceException || e instanceof ValidationException) {
      return (RuntimeException) e;
    }
    String host = hostOf(endpoint(storage));
    String bucket = "bucket '" + storage.bucket() + "'";
    boolean anonymous = storage.accessKeyIdSecret() == null;
    if (e instanceof ErrorResponseException response) {
      String code = String.valueOf(response.errorResponse().code());
      if ("NoSuchBucket".equals(code)) {
        return pinning
            ? noSuchBucket(storage)
            : new ExternalSourceException(
                "there is no " + bucket + " at the S3 endpoint " + host + " any more");
      }
      if (REFUSED_CREDENTIALS.contains(code)) {
        if (anonymous && pinning) {
          return ValidationException.of(
              "the S3 endpoint "
                  + host
                  + " refused anonymous access to "
                  + bucket
                  + " ("
                  + code
                  + "); name the secrets of an access key",
              "credentials_required",
              "access_key_id_secret");
        }
        return new ExternalSourceException(
            "the S3 endpoint "
                + host
                + " refused "
                + (anonymous ? "anonymous access" : "the credentials")
                + " for "
                + bucket
                + " ("
                + code
                + ")");
      }
      String hint =
          WRONG_REGION.contains(code)
              ? "; the bucket may be in another region than "
                  + (storage.region() == null ? "the default" : "'" + storage.region() + "'")
              : "";
      return new ExternalSourceException(
          "the S3 endpoint " + host + " answered " + code + " for " + bucket + hint);
    }
    if (e instanceof ServerException server) {
      return new ExternalSourceException(
          "the S3 endpoint " + host + " answered HTTP " + server.statusCode() + " for " + bucket);
    }
    Optional<String> refusal = GuardedClients.refusalIn(e);
    if (refusal.isPresent()) {
      return new ExternalSourceException(
          "connecting to the S3 endpoint " + host + " was refused: " + refusal.get());
    }
    if (causeOf(e, PartialAnswers.UndescribedRangeException.class) != null) {
      return new ExternalSourceException(
          "the S3 endpoint "
              + host
              + " answered part of an object without saying which part (no Content-Range) for "
              + bucket);
    }
    if (causeOf(e, BoundedAnswers.TooLargeException.class) != null) {
      return new ExternalSourceException(
          "the S3 endpoint "
              + host
              + " sent an answer of more than "
              + (MAX_ANSWER_BYTES >> 20)
              + " MiB for "
              + bucket);
    }
    if (causeOf(e, IOException.class) != null) {
      log.debug("S3 endpoint {} failed", host, e);
      return new ExternalSourceException(
          "cannot reach the S3 endpoint " + host + ": " + describe(causeOf(e, IOException.class)),
          e);
    }
    log.debug("S3 endpoint {} answered something unreadable", host, e);
    return new ExternalSourceException(
        "the S3 endpoint " + host + " answered something unreadable for " + bucket, e);
  }

  private static String describe(IOException e) {
    if (e instanceof SocketTimeoutException) {
      return "timed out";
    }
    if (e instanceof UnknownHostException) {
      return "unknown host";
    }
    if (e instanceof ConnectException) {
      return "connection failed";
    }
    if (e instanceof SSLException) {
      return "TLS failed";
    }
    return "the connection failed (" + e.getClass().getSimpleName() + ")";
  }

  private static <T extends Throwable> T causeOf(Throwable failure, Class<T> type) {
    for (Throwable next = failure; next != null; next = next.getCause()) {
      if (type.isInstance(next)) {
        return type.cast(next);
      }
      if (next.getCause() == next) {
        break;
      }
    }
    return null;
  }

  private static String hostOf(HttpUrl endpoint) {
    return endpoint.host()
        + (endpoint.port() == HttpUrl.defaultPort(endpoint.scheme()) ? "" : ":" + endpoint.port());
  }
}
