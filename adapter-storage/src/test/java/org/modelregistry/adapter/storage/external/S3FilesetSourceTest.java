package org.modelregistry.adapter.storage.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modelregistry.adapter.storage.external.TestSources.settings;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.minio.Http;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.modelregistry.adapter.storage.fetch.FetchSettings;
import org.modelregistry.adapter.storage.fetch.HttpSourceFetcher;
import org.modelregistry.domain.error.ValidationException;
import org.modelregistry.domain.error.Violation;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.registration.Secret;
import org.modelregistry.domain.workspace.FilesetStorage;
import org.modelregistry.domain.workspace.SecretRef;
import org.modelregistry.ports.out.ExternalFile;
import org.modelregistry.ports.out.ExternalSourceException;
import org.modelregistry.ports.out.SecretStore;

/** Reading buckets of a real S3 server (S3Proxy, in memory), through the guarded client. */
class S3FilesetSourceTest {

  private static final String ACCESS_KEY = "external-access-key";
  private static final String SECRET_KEY = "external-secret-key-do-not-print";
  private static final String WRONG_KEY = "wrong-secret-key-do-not-print";
  private static final String BUCKET = "models";
  private static final byte[] CONFIG = "{\"hidden_size\": 4096}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] WEIGHTS = "0123456789abcdefghij".getBytes(StandardCharsets.UTF_8);
  // Building a client the way MinIO does is slow; one for every test.
  private static final OkHttpClient HTTP = Http.newDefaultClient();

  @RegisterExtension
  final S3ProxyExtension s3 =
      S3ProxyExtension.builder()
          .withBlobStoreProvider("transient")
          .withCredentials(ACCESS_KEY, SECRET_KEY)
          .build();

  private final Map<String, String> secretValues =
      new ConcurrentHashMap<>(Map.of("ak", ACCESS_KEY, "sk", SECRET_KEY, "wrong", WRONG_KEY));
  private final SecretStore secrets =
      ref -> Optional.ofNullable(secretValues.get(ref.value())).map(Secret::new);
  private String endpoint;
  private HttpSourceFetcher fetcher;
  private ExternalFilesetSources sources;

  @BeforeEach
  void start() throws Exception {
    endpoint = "http://127.0.0.1:" + s3.getUri().getPort();
    sources = sourcesAllowing("127.0.0.1:" + s3.getUri().getPort());
    try (MinioClient client = rawClient()) {
      client.makeBucket(MakeBucketArgs.builder().bucket(BUCKET).build());
      put(client, "ckpt/config.json", CONFIG);
      put(client, "ckpt/weights/model-00001.safetensors", WEIGHTS);
      put(client, "ckpt/weights/z/deep.bin", WEIGHTS);
      put(client, "ckpt/a b.txt", CONFIG);
      put(client, "ckpt/B.txt", CONFIG);
      // A folder marker, and a key no file path can name (a segment over 255 bytes).
      put(client, "ckpt/sub/", new byte[0]);
      put(client, "ckpt/" + "x".repeat(300), CONFIG);
      // Outside the prefix, including a sibling that shares its first letters.
      put(client, "ckptx/config.json", CONFIG);
      put(client, "other/config.json", CONFIG);
    }
  }

  @AfterEach
  void stop() {
    sources.close();
    fetcher.close();
  }

  @Test
  void givenAPrefix_list_returnsTheValidFilesBelowItRelativeToItInPathOrder() {
    List<ExternalFile> files = sources.list(bucket("ckpt"));

    assertThat(files)
        .extracting(file -> file.path().value())
        .containsExactly(
            "B.txt",
            "a b.txt",
            "config.json",
            "weights/model-00001.safetensors",
            "weights/z/deep.bin");
    ExternalFile config = files.get(2);
    assertThat(config.size()).isEqualTo(CONFIG.length);
    assertThat(config.etag()).isEqualTo(md5(CONFIG)).doesNotContain("\"");
    assertThat(config.sha256()).isEmpty();
    assertThat(files.get(3).size()).isEqualTo(WEIGHTS.length);
  }

  @Test
  void givenNoPrefix_list_returnsEveryValidFileOfTheBucket() {
    assertThat(sources.list(bucket(null)))
        .extracting(file -> file.path().value())
        .containsExactly(
            "ckpt/B.txt",
            "ckpt/a b.txt",
            "ckpt/config.json",
            "ckpt/weights/model-00001.safetensors",
            "ckpt/weights/z/deep.bin",
            "ckptx/config.json",
            "other/config.json");
  }

  @Test
  void givenAPrefixWithoutObjects_list_returnsNothing() {
    assertThat(sources.list(bucket("nothing/here"))).isEmpty();
  }

  @Test
  void givenAFile_stat_describesItAsTheListingDoes() {
    Optional<ExternalFile> stat =
        sources.stat(bucket("ckpt"), path("weights/model-00001.safetensors"));

    assertThat(stat)
        .contains(
            new ExternalFile(
                path("weights/model-00001.safetensors"),
                WEIGHTS.length,
                md5(WEIGHTS),
                Optional.empty()));
    assertThat(sources.list(bucket("ckpt"))).contains(stat.get());
  }

  @Test
  void givenNoFile_statAndRead_returnEmpty() {
    assertThat(sources.stat(bucket("ckpt"), path("missing.bin"))).isEmpty();
    assertThat(sources.read(bucket("ckpt"), path("missing.bin"), 0, -1)).isEmpty();
    assertThat(sources.read(bucket("ckpt"), path("missing.bin"), 3, 2)).isEmpty();
    assertThat(sources.read(bucket("ckpt"), path("missing.bin"), 0, 0)).isEmpty();
  }

  @Test
  void givenAFile_read_returnsTheWholeFileOrTheRangeAskedFor() throws IOException {
    FilesetStorage.S3 storage = bucket("ckpt");
    FilePath weights = path("weights/model-00001.safetensors");

    assertThat(bytes(sources.read(storage, weights, 0, -1))).isEqualTo(WEIGHTS);
    assertThat(bytes(sources.read(storage, weights, 2, 5)))
        .isEqualTo(Arrays.copyOfRange(WEIGHTS, 2, 7));
    assertThat(bytes(sources.read(storage, weights, 15, -1)))
        .isEqualTo(Arrays.copyOfRange(WEIGHTS, 15, WEIGHTS.length));
    assertThat(bytes(sources.read(storage, weights, 18, 100)))
        .isEqualTo(Arrays.copyOfRange(WEIGHTS, 18, WEIGHTS.length));
    assertThat(bytes(sources.read(storage, weights, 3, 0))).isEmpty();
    assertThat(bytes(sources.read(storage, weights, WEIGHTS.length, -1))).isEmpty();
  }

  @Test
  void givenAnOffsetBeyondTheEnd_read_fails() {
    assertThatThrownBy(
            () ->
                sources.read(
                    bucket("ckpt"), path("weights/model-00001.safetensors"), WEIGHTS.length + 1, 4))
        .isInstanceOf(ExternalSourceException.class)
        .hasMessageContaining("beyond the end");
  }

  @Test
  void givenANegativeOffset_read_isRefused() {
    assertThatThrownBy(() -> sources.read(bucket("ckpt"), path("config.json"), -1, 4))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenAnExistingBucket_pin_returnsTheStorageUnchanged() {
    FilesetStorage.S3 storage = bucket("ckpt");

    assertThat(sources.pin(storage)).isSameAs(storage);
  }

  @Test
  void givenAMissingBucket_pin_failsAtBucket() {
    var storage =
        new FilesetStorage.S3("absent", null, "us-east-1", endpoint, ref("ak"), ref("sk"));

    assertThatThrownBy(() -> sources.pin(storage))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .singleElement()
                    .satisfies(at("bucket", "bucket_not_found")))
        .hasMessageContaining("'absent'");
  }

  @Test
  void givenAMissingBucket_list_failsAsTheSource() {
    var storage =
        new FilesetStorage.S3("absent", null, "us-east-1", endpoint, ref("ak"), ref("sk"));

    assertThatThrownBy(() -> sources.list(storage))
        .isInstanceOf(ExternalSourceException.class)
        .hasMessageContaining("no bucket 'absent'");
  }

  @Test
  void givenNamedSecretsThatDoNotExist_pin_failsAtEachOfThem() {
    var storage =
        new FilesetStorage.S3(BUCKET, null, "us-east-1", endpoint, ref("nope-1"), ref("nope-2"));

    assertThatThrownBy(() -> sources.pin(storage))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .satisfiesExactly(
                        at("access_key_id_secret", "secret_not_found"),
                        at("secret_access_key_secret", "secret_not_found")));
    assertThatThrownBy(() -> sources.list(storage)).isInstanceOf(ExternalSourceException.class);
  }

  @Test
  void givenWrongCredentials_everyRequest_failsSayingTheyWereRefusedWithoutTheSecrets() {
    var storage =
        new FilesetStorage.S3(BUCKET, null, "us-east-1", endpoint, ref("ak"), ref("wrong"));

    assertThatThrownBy(() -> sources.pin(storage))
        .isInstanceOf(ExternalSourceException.class)
        .hasMessageContaining("refused the credentials")
        .hasMessageNotContaining(WRONG_KEY)
        .hasMessageNotContaining(ACCESS_KEY);
    assertThatThrownBy(() -> sources.list(storage))
        .isInstanceOf(ExternalSourceException.class)
        .hasMessageContaining("refused the credentials")
        .hasMessageNotContaining(WRONG_KEY);
    assertThatThrownBy(() -> sources.read(storage, path("ckpt/config.json"), 0, -1))
        .isInstanceOf(ExternalSourceException.class)
        .hasMessageContaining("refused the credentials");
  }

  @Test
  void givenARotatedSecret_list_authenticatesWithTheNewValue() {
    var storage = new FilesetStorage.S3(BUCKET, path("ckpt"), null, endpoint, ref("ak"), ref("sk"));
    secretValues.put("sk", WRONG_KEY);
    assertThatThrownBy(() -> sources.list(storage)).isInstanceOf(ExternalSourceException.class);

    secretValues.put("sk", SECRET_KEY);

    assertThat(sources.list(storage)).hasSize(5);
  }

  @Test
  void givenNoCredentialsForAPrivateBucket_pinFailsAtTheSecretsAndListAsTheSource() {
    var storage = new FilesetStorage.S3(BUCKET, null, "us-east-1", endpoint, null, null);

    assertThatThrownBy(() -> sources.pin(storage))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .singleElement()
                    .satisfies(at("access_key_id_secret", "credentials_required")));
    assertThatThrownBy(() -> sources.list(storage))
        .isInstanceOf(ExternalSourceException.class)
        .hasMessageContaining("refused anonymous access");
  }

  @Test
  void givenTheMetadataAddressAsEndpoint_pinAndList_refuseIt() {
    var storage =
        new FilesetStorage.S3(
            BUCKET, null, "us-east-1", "http://169.254.169.254", ref("ak"), ref("sk"));

    assertThatThrownBy(() -> sources.pin(storage))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .singleElement()
                    .satisfies(at("endpoint_url", "endpoint_refused")))
        .hasMessageContaining("cloud metadata address");
    assertThatThrownBy(() -> sources.list(storage))
        .isInstanceOf(ExternalSourceException.class)
        .hasMessageContaining("169.254.169.254 is refused");
  }

  @Test
  void givenALoopbackEndpointNotAllowlisted_everyCall_isRefusedWithoutConnecting()
      throws IOException {
    AtomicInteger requests = new AtomicInteger();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
    try {
      int port = server.getAddress().getPort();
      for (String host : List.of("127.0.0.1", "localhost")) {
        var storage =
            new FilesetStorage.S3(
                BUCKET, null, "us-east-1", "http://" + host + ":" + port, ref("ak"), ref("sk"));

        assertThatThrownBy(() -> sources.pin(storage)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> sources.list(storage))
            .isInstanceOf(ExternalSourceException.class)
            .hasMessageContaining("is refused: the host " + host);
        assertThatThrownBy(() -> sources.read(storage, path("a"), 0, -1))
            .isInstanceOf(ExternalSourceException.class);
      }
      assertThat(requests).hasValue(0);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void givenTheS3ServerNotAllowlisted_pin_isRefusedButWorksOnceAllowlisted() {
    FilesetStorage.S3 storage = bucket("ckpt");
    try (var strict = new ExternalFilesetSources(fetcher, settings(), secrets)) {
      assertThatThrownBy(() -> strict.pin(storage))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("loopback address");
    }

    assertThat(sources.pin(storage)).isEqualTo(storage);
  }

  @Test
  void givenAnEndpointWithAPath_pin_failsAtEndpointUrl() {
    var storage =
        new FilesetStorage.S3(BUCKET, null, "us-east-1", endpoint + "/s3", ref("ak"), ref("sk"));

    assertThatThrownBy(() -> sources.pin(storage))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .singleElement()
                    .satisfies(at("endpoint_url", "url_parsing")));
  }

  @Test
  void givenAnEndpointThatRefusesConnections_list_failsNamingItsHost() throws IOException {
    // A socket bound but not listening holds the port for the whole test (nothing else can bind
    // it, as it does not allow address reuse) and the system refuses every connection to it.
    try (var reserved = new Socket()) {
      reserved.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      int port = reserved.getLocalPort();
      var storage =
          new FilesetStorage.S3(
              BUCKET, null, "us-east-1", "http://127.0.0.1:" + port, ref("ak"), ref("sk"));
      try (var closed = sourcesAllowing("127.0.0.1:" + port)) {
        assertThatThrownBy(() -> closed.list(storage))
            .isInstanceOf(ExternalSourceException.class)
            .hasMessage("cannot reach the S3 endpoint 127.0.0.1:" + port + ": connection failed")
            .hasMessageNotContaining(SECRET_KEY);
      }
    }
  }

  // ---- endpoints that do not honour ranges ----------------------------------------------------

  @Test
  void givenAnEndpointThatIgnoresRanges_read_cutsTheRangeOutOfTheWholeObject() throws IOException {
    var ranges = new java.util.concurrent.CopyOnWriteArrayList<String>();
    try (var endpoint =
        FakeS3.start(
            exchange -> {
              ranges.add(String.valueOf(exchange.getRequestHeaders().getFirst("Range")));
              FakeHub.send(exchange, 200, WEIGHTS);
            })) {
      FilesetStorage.S3 storage = endpoint.bucket();
      FilePath weights = path("weights.bin");
      try (var ignoring = sourcesAllowing(endpoint.host())) {
        assertThat(bytes(ignoring.read(storage, weights, 2, 5)))
            .isEqualTo(Arrays.copyOfRange(WEIGHTS, 2, 7));
        assertThat(bytes(ignoring.read(storage, weights, 0, 4)))
            .isEqualTo(Arrays.copyOfRange(WEIGHTS, 0, 4));
        assertThat(bytes(ignoring.read(storage, weights, 15, -1)))
            .isEqualTo(Arrays.copyOfRange(WEIGHTS, 15, WEIGHTS.length));
        assertThat(bytes(ignoring.read(storage, weights, 18, 100)))
            .isEqualTo(Arrays.copyOfRange(WEIGHTS, 18, WEIGHTS.length));
        assertThat(bytes(ignoring.read(storage, weights, 0, -1))).isEqualTo(WEIGHTS);
        assertThat(bytes(ignoring.read(storage, weights, WEIGHTS.length, -1))).isEmpty();
        assertThatThrownBy(() -> ignoring.read(storage, weights, WEIGHTS.length + 1, 4))
            .isInstanceOf(ExternalSourceException.class)
            .hasMessage(
                "offset 21 is beyond the end of 'weights.bin' (20 bytes) in bucket '"
                    + BUCKET
                    + "'");
      }
      assertThat(ranges)
          .containsExactly(
              "bytes=2-6",
              "bytes=0-3",
              "bytes=15-",
              "bytes=18-117",
              "null",
              "bytes=20-",
              "bytes=21-24");
    }
  }

  @Test
  void givenAChunkedAnswerIgnoringARangeBeyondTheEnd_reading_failsAsBeyondTheEnd()
      throws IOException {
    try (var endpoint =
        FakeS3.start(
            exchange -> {
              exchange.sendResponseHeaders(200, 0);
              exchange.getResponseBody().write(WEIGHTS);
            })) {
      try (var ignoring = sourcesAllowing(endpoint.host())) {
        Optional<InputStream> read =
            ignoring.read(endpoint.bucket(), path("weights.bin"), WEIGHTS.length + 5, 4);
        assertThat(read).isPresent();
        try (InputStream in = read.get()) {
          assertThatThrownBy(in::readAllBytes)
              .isInstanceOf(ExternalSourceException.class)
              .hasMessageContaining("offset 25 is beyond the end of 'weights.bin'");
        }
      }
    }
  }

  @Test
  void givenAPartialAnswerForAnotherRange_read_failsInsteadOfServingIt() throws IOException {
    try (var endpoint =
        FakeS3.start(
            exchange -> {
              exchange.getResponseHeaders().set("Content-Range", "bytes 0-4/" + WEIGHTS.length);
              FakeHub.send(exchange, 206, Arrays.copyOfRange(WEIGHTS, 0, 5));
            })) {
      try (var misplaced = sourcesAllowing(endpoint.host())) {
        assertThatThrownBy(() -> misplaced.read(endpoint.bucket(), path("weights.bin"), 2, 5))
            .isInstanceOf(ExternalSourceException.class)
            .hasMessageContaining("answered another range than the one from byte 2");
      }
    }
  }

  @Test
  void givenAPartialAnswerLongerThanAskedFor_read_cutsItToTheLength() throws IOException {
    try (var endpoint =
        FakeS3.start(
            exchange -> {
              exchange.getResponseHeaders().set("Content-Range", "bytes 2-19/" + WEIGHTS.length);
              FakeHub.send(exchange, 206, Arrays.copyOfRange(WEIGHTS, 2, WEIGHTS.length));
            })) {
      try (var generous = sourcesAllowing(endpoint.host())) {
        assertThat(bytes(generous.read(endpoint.bucket(), path("weights.bin"), 2, 5)))
            .isEqualTo(Arrays.copyOfRange(WEIGHTS, 2, 7));
      }
    }
  }

  @Test
  void givenAPartialAnswerWithoutContentRange_read_failsInsteadOfGuessing() throws IOException {
    try (var endpoint =
        FakeS3.start(exchange -> FakeHub.send(exchange, 206, Arrays.copyOfRange(WEIGHTS, 2, 7)))) {
      try (var vague = sourcesAllowing(endpoint.host())) {
        assertThatThrownBy(() -> vague.read(endpoint.bucket(), path("weights.bin"), 2, 5))
            .isInstanceOf(ExternalSourceException.class)
            .hasMessageContaining("without saying which part (no Content-Range)");
      }
    }
  }

  @Test
  void givenAnEndpointSendingAHugeListing_list_failsAtTheBound() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    byte[] head = "<ListBucketResult>".getBytes(StandardCharsets.US_ASCII);
    byte[] chunk =
        ("<Contents><Key>k</Key><LastModified>2025-01-01T00:00:00.000Z</LastModified>"
                + "<ETag>&quot;e&quot;</ETag><Size>1</Size><StorageClass>STANDARD</StorageClass>"
                + "</Contents>")
            .repeat(1 << 12)
            .getBytes(StandardCharsets.US_ASCII);
    server.createContext(
        "/",
        exchange -> {
          exchange.getResponseHeaders().set("Content-Type", "application/xml");
          exchange.sendResponseHeaders(200, 0);
          try (var out = exchange.getResponseBody()) {
            out.write(head);
            // 64 MiB at most: four times the bound.
            for (int i = 0; i < (64 << 20) / chunk.length; i++) {
              out.write(chunk);
            }
          } catch (IOException e) {
            // The client stopped reading.
          }
        });
    server.start();
    int port = server.getAddress().getPort();
    var storage =
        new FilesetStorage.S3(
            BUCKET, null, "us-east-1", "http://127.0.0.1:" + port, ref("ak"), ref("sk"));
    try (var hostile = sourcesAllowing("127.0.0.1:" + port)) {
      assertThatThrownBy(() -> hostile.list(storage))
          .isInstanceOf(ExternalSourceException.class)
          .hasMessageContaining("more than 16 MiB");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void givenTheLocalStore_everyCall_isRefused() {
    var local = new FilesetStorage.Local();

    assertThatThrownBy(() -> sources.pin(local)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sources.list(local)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sources.stat(local, path("a")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sources.read(local, path("a"), 0, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // ---- helpers ------------------------------------------------------------------------------

  /**
   * An S3 endpoint on 127.0.0.1 that answers every GET of an object with {@code object} (no
   * signature checked), as endpoints that do not honour ranges as they should do.
   */
  private record FakeS3(HttpServer server) implements AutoCloseable {

    static FakeS3 start(HttpHandler object) throws IOException {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext(
          "/",
          exchange -> {
            try (exchange) {
              object.handle(exchange);
            }
          });
      server.start();
      return new FakeS3(server);
    }

    String host() {
      return "127.0.0.1:" + server.getAddress().getPort();
    }

    FilesetStorage.S3 bucket() {
      return new FilesetStorage.S3(
          BUCKET, null, "us-east-1", "http://" + host(), ref("ak"), ref("sk"));
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  private ExternalFilesetSources sourcesAllowing(String... hosts) {
    FetchSettings settings = settings(hosts);
    if (fetcher == null) {
      fetcher = new HttpSourceFetcher(settings);
    }
    return new ExternalFilesetSources(fetcher, settings, secrets);
  }

  private FilesetStorage.S3 bucket(String prefix) {
    return new FilesetStorage.S3(
        BUCKET, prefix == null ? null : path(prefix), "us-east-1", endpoint, ref("ak"), ref("sk"));
  }

  private MinioClient rawClient() {
    return MinioClient.builder()
        .endpoint(s3.getUri().toString())
        .region("us-east-1")
        .credentials(ACCESS_KEY, SECRET_KEY)
        .httpClient(HTTP, false)
        .build();
  }

  private static void put(MinioClient client, String key, byte[] content) throws Exception {
    client.putObject(
        PutObjectArgs.builder().bucket(BUCKET).object(key).stream(
                new ByteArrayInputStream(content), (long) content.length, null)
            .build());
  }

  private static java.util.function.Consumer<Violation> at(String field, String type) {
    return violation -> {
      assertThat(violation.path()).containsExactly(field);
      assertThat(violation.type()).isEqualTo(type);
    };
  }

  private static byte[] bytes(Optional<InputStream> stream) throws IOException {
    assertThat(stream).isPresent();
    try (InputStream in = stream.get()) {
      return in.readAllBytes();
    }
  }

  private static String md5(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  private static FilePath path(String value) {
    return new FilePath(value);
  }

  private static SecretRef ref(String name) {
    return new SecretRef(name);
  }
}
