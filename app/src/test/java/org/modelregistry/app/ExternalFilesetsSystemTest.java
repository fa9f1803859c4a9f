package org.modelregistry.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Filesets kept outside the registry, through the whole server: a private Hugging Face repository
 * on a local hub (copied into the store on first read, its spec derived from the checkpoint without
 * copying the weights) and an S3 bucket on S3Proxy (read through), with their credentials named as
 * secrets in a secrets folder and never shown.
 */
class ExternalFilesetsSystemTest {

  private static final String FILESETS = "/apis/files/v2/workspaces/team/filesets";
  private static final String MODELS = "/apis/models/v2/workspaces/team/models";
  private static final String REPO = "acme/tiny-llama";
  private static final String ACCESS_KEY = "access";
  private static final String SECRET_KEY = "s3-secret-never-shown";
  private static final String BUCKET = "checkpoints";

  private static final byte[] CONFIG =
      """
      {"model_type": "llama", "num_hidden_layers": 2, "hidden_size": 8,
       "num_attention_heads": 2, "num_key_value_heads": 1, "intermediate_size": 16,
       "vocab_size": 10, "max_position_embeddings": 128, "tie_word_embeddings": false,
       "torch_dtype": "bfloat16"}
      """
          .getBytes(StandardCharsets.UTF_8);

  @RegisterExtension
  final S3ProxyExtension s3 =
      S3ProxyExtension.builder()
          .withBlobStoreProvider("transient")
          .withCredentials(ACCESS_KEY, SECRET_KEY)
          .build();

  @TempDir Path dataDir;
  @TempDir Path secrets;
  private final byte[] weights = safetensors();
  private FakeHub hub;
  private RegistryApplication app;
  private RegistryHttp http;

  @BeforeEach
  void start() throws Exception {
    hub = new FakeHub(REPO).put("config.json", CONFIG).put("model.safetensors", weights);
    Files.writeString(secrets.resolve("hf-token"), FakeHub.TOKEN + "\n");
    Files.createDirectories(secrets.resolve("team"));
    Files.writeString(secrets.resolve("team").resolve("s3-access"), ACCESS_KEY);
    Files.writeString(secrets.resolve("team").resolve("s3-secret"), SECRET_KEY);
    String s3Host = "127.0.0.1:" + s3.getUri().getPort();
    app =
        RegistryApplication.start(
            SettingsLoader.load(
                new String[] {
                  "--port",
                  "0",
                  "--host",
                  "127.0.0.1",
                  "--data-dir",
                  dataDir.toString(),
                  "--secrets-dir",
                  secrets.toString(),
                  "--import-allowed-hosts",
                  hub.hostAndPort() + "," + s3Host,
                  "--credential-endpoints",
                  hub.endpoint() + ",http://" + s3Host
                },
                Map.of("REGISTRY_AUTHENTICATION", "local")));
    http = new RegistryHttp(app);
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
    if (hub != null) {
      hub.close();
    }
  }

  @Test
  void givenAPrivateHubRepository_theFilesetIsPinnedListedCopiedOnReadAndFeedsTheSpec()
      throws Exception {
    HttpResponse<String> created =
        http.send(
            "POST",
            FILESETS,
            """
            {"name": "tiny", "purpose": "model",
             "storage": {"type": "huggingface", "repo_id": "%s", "endpoint": "%s",
                         "token_secret": "hf-token"}}
            """
                .formatted(REPO, hub.endpoint()));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.body())
        .contains("\"revision\":\"" + FakeHub.COMMIT + "\"")
        .contains("\"token_secret\":\"hf-token\"")
        .doesNotContain(FakeHub.TOKEN);

    HttpResponse<String> files = http.send("GET", FILESETS + "/tiny/files", null);
    assertThat(files.statusCode()).as(files.body()).isEqualTo(200);
    assertThat(files.body())
        .contains("\"path\":\"config.json\"")
        .contains("\"path\":\"model.safetensors\"")
        .contains("\"size\":" + weights.length)
        .contains("\"cache_status\":\"not_cached\"")
        .doesNotContain("\"cache_status\":\"cached\"");

    // The spec comes from config.json and the safetensors header, read by range.
    HttpResponse<String> model =
        http.send("POST", MODELS, "{\"name\": \"tiny\", \"fileset\": \"team/tiny\"}");
    assertThat(model.statusCode()).as(model.body()).isEqualTo(201);
    assertThat(model.body())
        .contains("\"family\":\"llama\"")
        .contains("\"num_layers\":2")
        .contains("\"base_num_parameters\":10");
    assertThat(hub.wholeDownloadsOf("model.safetensors")).isZero();

    HttpResponse<byte[]> range =
        http.send(
            http.request(FILESETS + "/tiny/-/model.safetensors")
                .header("Range", "bytes=20-59")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(range.statusCode()).isEqualTo(206);
    assertThat(range.body()).isEqualTo(Arrays.copyOfRange(weights, 20, 60));
    HttpResponse<byte[]> whole =
        http.send(
            http.request(FILESETS + "/tiny/-/model.safetensors").GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(whole.statusCode()).isEqualTo(200);
    assertThat(whole.body()).isEqualTo(weights);
    assertThat(whole.headers().firstValue("ETag")).hasValue("\"" + FakeHub.sha256(weights) + "\"");
    assertThat(hub.wholeDownloadsOf("model.safetensors")).isEqualTo(1);
    assertThat(http.send("GET", FILESETS + "/tiny/files", null).body())
        .contains("\"cache_status\":\"cached\"");

    HttpResponse<String> put =
        http.send(
            http.request(FILESETS + "/tiny/-/extra.bin")
                .PUT(HttpRequest.BodyPublishers.ofString("x"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(put.statusCode()).isEqualTo(409);
  }

  @Test
  void givenAHubRepositoryWithoutItsToken_create_isRefusedAtTheTokenSecret() throws Exception {
    HttpResponse<String> created =
        http.send(
            "POST",
            FILESETS,
            """
            {"name": "tiny", "storage": {"type": "huggingface", "repo_id": "%s",
                                         "endpoint": "%s"}}
            """
                .formatted(REPO, hub.endpoint()));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(422);
    assertThat(created.body()).contains("token_secret");
    assertThat(http.send("GET", FILESETS + "/tiny", null).statusCode()).isEqualTo(404);
  }

  @Test
  void givenASecretAndAnEndpointTheOperatorDidNotApprove_create_neverSendsIt() throws Exception {
    try (FakeHub rogue = new FakeHub(REPO).put("config.json", CONFIG)) {
      HttpResponse<String> created =
          http.send(
              "POST",
              FILESETS,
              """
              {"name": "stolen", "storage": {"type": "huggingface", "repo_id": "%s",
                                             "endpoint": "%s", "token_secret": "hf-token"}}
              """
                  .formatted(REPO, rogue.endpoint()));

      assertThat(created.statusCode()).as(created.body()).isEqualTo(422);
      assertThat(created.body()).contains("[\"body\",\"storage\",\"endpoint\"]");
      assertThat(rogue.requests()).isZero();
    }
  }

  @Test
  void givenAnotherWorkspacesSecret_create_isRefusedAtTheSecret() throws Exception {
    HttpResponse<String> created =
        http.send(
            "POST",
            FILESETS,
            """
            {"name": "borrowed", "storage": {"type": "huggingface", "repo_id": "%s",
              "endpoint": "%s", "token_secret": "other-team/hf-token"}}
            """
                .formatted(REPO, hub.endpoint()));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(422);
    assertThat(created.body()).contains("token_secret");
  }

  @Test
  void givenAHubEndpointOnABlockedAddress_create_neverReachesIt() throws Exception {
    HttpResponse<String> created =
        http.send(
            "POST",
            FILESETS,
            """
            {"name": "meta", "storage": {"type": "huggingface", "repo_id": "x/y",
                                         "endpoint": "http://169.254.169.254"}}
            """);

    assertThat(created.statusCode()).as(created.body()).isEqualTo(422);
    assertThat(created.body()).contains("\"endpoint\"");
    assertThat(http.send("GET", FILESETS + "/meta", null).statusCode()).isEqualTo(404);
  }

  @Test
  void givenAnS3Bucket_theFilesetListsAndReadsThroughWithoutShowingItsSecrets() throws Exception {
    MinioClient minio =
        MinioClient.builder()
            .endpoint(s3.getUri().toString())
            .region("us-east-1")
            .credentials(ACCESS_KEY, SECRET_KEY)
            .build();
    minio.makeBucket(MakeBucketArgs.builder().bucket(BUCKET).build());
    for (var file :
        Map.of("tiny/v1/config.json", CONFIG, "tiny/v1/model.safetensors", weights).entrySet()) {
      minio.putObject(
          PutObjectArgs.builder().bucket(BUCKET).object(file.getKey()).stream(
                  new ByteArrayInputStream(file.getValue()), (long) file.getValue().length, -1L)
              .build());
    }

    HttpResponse<String> created =
        http.send(
            "POST",
            FILESETS,
            """
            {"name": "bucket", "storage": {"type": "s3", "bucket": "%s", "prefix": "tiny/v1",
              "endpoint_url": "%s", "region": "us-east-1",
              "access_key_id_secret": "team/s3-access",
              "secret_access_key_secret": "team/s3-secret"}}
            """
                .formatted(BUCKET, s3.getUri()));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.body()).doesNotContain(SECRET_KEY);

    HttpResponse<String> files = http.send("GET", FILESETS + "/bucket/files", null);
    assertThat(files.statusCode()).as(files.body()).isEqualTo(200);
    assertThat(files.body())
        .contains("\"path\":\"config.json\"")
        .contains("\"path\":\"model.safetensors\"")
        .contains("\"cache_status\":\"not_cacheable\"");

    HttpResponse<byte[]> range =
        http.send(
            http.request(FILESETS + "/bucket/-/model.safetensors")
                .header("Range", "bytes=-16")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(range.statusCode()).isEqualTo(206);
    assertThat(range.body())
        .isEqualTo(Arrays.copyOfRange(weights, weights.length - 16, weights.length));

    HttpResponse<String> model =
        http.send("POST", MODELS, "{\"name\": \"from-s3\", \"fileset\": \"team/bucket\"}");
    assertThat(model.statusCode()).as(model.body()).isEqualTo(201);
    assertThat(model.body()).contains("\"base_num_parameters\":10");

    assertThat(http.send("DELETE", FILESETS + "/bucket/-/config.json", null).statusCode())
        .isEqualTo(409);
  }

  @Test
  void givenABucketThatDoesNotExist_create_isRefusedAtTheBucket() throws Exception {
    HttpResponse<String> created =
        http.send(
            "POST",
            FILESETS,
            """
            {"name": "nothing", "storage": {"type": "s3", "bucket": "no-such-bucket",
              "endpoint_url": "%s", "access_key_id_secret": "team/s3-access",
              "secret_access_key_secret": "team/s3-secret"}}
            """
                .formatted(s3.getUri()));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(422);
    assertThat(created.body()).contains("bucket");
  }

  /** A safetensors file of two F32 tensors (2x3 and 4: 10 parameters). */
  private static byte[] safetensors() {
    byte[] header =
        ("{\"a\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,24]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[24,40]}}")
            .getBytes(StandardCharsets.UTF_8);
    var out = new ByteArrayOutputStream();
    out.writeBytes(
        ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length).array());
    out.writeBytes(header);
    byte[] data = new byte[40];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) i;
    }
    out.writeBytes(data);
    return out.toByteArray();
  }
}
