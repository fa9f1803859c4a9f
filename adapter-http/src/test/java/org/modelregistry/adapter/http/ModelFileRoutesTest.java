package org.modelregistry.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modelregistry.adapter.http.RegistrationRequests.MODEL_URL;
import static org.modelregistry.adapter.http.RegistrationRequests.assertError;
import static org.modelregistry.adapter.http.RegistrationRequests.fileUrl;
import static org.modelregistry.adapter.http.RegistrationRequests.json;
import static org.modelregistry.adapter.http.RegistrationRequests.pathsAndTypes;
import static org.modelregistry.adapter.http.RegistrationRequests.putBody;
import static org.modelregistry.adapter.http.RegistrationRequests.register;
import static org.modelregistry.adapter.http.RegistrationRequests.registerReady;
import static org.modelregistry.adapter.http.RegistrationRequests.serveAllFiles;
import static org.modelregistry.adapter.http.RegistrationRoutesTest.sha256;
import static org.modelregistry.domain.registration.TestRegistrations.NAME;
import static org.modelregistry.domain.registration.TestRegistrations.SIGNED_QUERY;
import static org.modelregistry.domain.registration.TestRegistrations.VERSION;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modelregistry.adapter.http.ApiFixture.Reply;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.registration.FileImport;
import org.modelregistry.domain.registration.FileImportState;
import org.modelregistry.domain.registration.SourceUrl;
import org.modelregistry.domain.registration.TestRegistrations;
import org.modelregistry.ports.in.RegistrationUseCases;
import org.modelregistry.ports.in.RegistryUseCases;
import org.modelregistry.ports.in.registration.ModelVersionRef;
import org.modelregistry.ports.in.registration.ReadModelFileUseCase;
import org.modelregistry.ports.out.StorageException;
import tools.jackson.databind.JsonNode;

/** Downloads of stored model files: whole, by range, conditional, and refused. */
class ModelFileRoutesTest {

  private static final String INDEX = "index.md";
  private static final byte[] INDEX_CONTENT = RegistrationWorld.content(INDEX);
  private static final String BIG_URL =
      "https://storage.example:8443/container/big.bin?" + SIGNED_QUERY;
  private static final byte[] BIG = bigContent(300_000);

  private ApiFixture api;
  private RegistrationWorld world;

  @BeforeEach
  void start() {
    api = ApiFixture.start();
    world = api.registrations();
    serveAllFiles(world);
    world.fetcher.serve(BIG_URL, BIG);
    Map<String, Object> body = TestRegistrations.putBody();
    TestRegistrations.at(body, "model_files").put("weights/big.bin", BIG_URL);
    registerReady(api, NAME, VERSION, json(body));
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void givenReadyVersion_get_streamsTheWholeFileWithItsHeaders() throws Exception {
    Reply reply = api.get(fileUrl(INDEX));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.bytes()).isEqualTo(INDEX_CONTENT);
    assertThat(reply.contentType()).isEqualTo("application/octet-stream");
    assertThat(reply.header("Content-Length")).isEqualTo(String.valueOf(INDEX_CONTENT.length));
    assertThat(reply.header("ETag")).isEqualTo("\"" + sha256(INDEX_CONTENT) + "\"");
    assertThat(reply.header("Accept-Ranges")).isEqualTo("bytes");
    assertThat(reply.header("Content-Range")).isNull();
  }

  @Test
  void givenFileLargerThanTheCopyBuffer_get_streamsEveryByteOfIt() {
    Reply reply = api.get(fileUrl("weights/big.bin"));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Length")).isEqualTo("300000");
    assertThat(reply.bytes()).isEqualTo(BIG);
  }

  @Test
  void givenClosedRange_get_answers206WithThoseBytes() {
    Reply reply = api.send("GET", fileUrl(INDEX), noBody(), "Range", "bytes=0-6");

    assertThat(reply.status()).isEqualTo(206);
    assertThat(reply.body()).isEqualTo("content");
    assertThat(reply.header("Content-Range")).isEqualTo("bytes 0-6/" + INDEX_CONTENT.length);
    assertThat(reply.header("Content-Length")).isEqualTo("7");
  }

  @Test
  void givenOpenRange_get_answersTheRestOfTheFile() {
    Reply reply = api.send("GET", fileUrl(INDEX), noBody(), "Range", "bytes=11-");

    assertThat(reply.status()).isEqualTo(206);
    assertThat(reply.body()).isEqualTo("index.md");
    assertThat(reply.header("Content-Range")).isEqualTo("bytes 11-18/" + INDEX_CONTENT.length);
  }

  @Test
  void givenSuffixRange_get_answersTheLastBytes() {
    Reply reply = api.send("GET", fileUrl(INDEX), noBody(), "Range", "bytes=-2");

    assertThat(reply.status()).isEqualTo(206);
    assertThat(reply.body()).isEqualTo("md");
  }

  @Test
  void givenRangeBeyondTheEndOrSuffixLongerThanTheFile_get_answersWhatThereIs() {
    Reply longEnd = api.send("GET", fileUrl(INDEX), noBody(), "Range", "bytes=11-99999");
    Reply longSuffix = api.send("GET", fileUrl(INDEX), noBody(), "Range", "bytes=-99999");

    assertThat(longEnd.status()).isEqualTo(206);
    assertThat(longEnd.body()).isEqualTo("index.md");
    assertThat(longSuffix.status()).isEqualTo(206);
    assertThat(longSuffix.bytes()).isEqualTo(INDEX_CONTENT);
  }

  @Test
  void givenRangeInTheMiddleOfABigFile_get_answersExactlyThoseBytes() {
    Reply reply =
        api.send("GET", fileUrl("weights/big.bin"), noBody(), "Range", "bytes=70000-200000");

    assertThat(reply.status()).isEqualTo(206);
    assertThat(reply.bytes()).isEqualTo(Arrays.copyOfRange(BIG, 70_000, 200_001));
  }

  @ParameterizedTest
  @ValueSource(strings = {"bytes=19-", "bytes=19-30", "bytes=-0", "bytes=99999999999999999999-"})
  void givenRangeOutsideTheFile_get_answers416WithTheSize(String range) {
    Reply reply = api.send("GET", fileUrl(INDEX), noBody(), "Range", range);

    assertError(reply, 416, "range_not_satisfiable");
    assertThat(reply.header("Content-Range")).isEqualTo("bytes */" + INDEX_CONTENT.length);
  }

  @ParameterizedTest
  @ValueSource(strings = {"bytes=0-1,4-5", "bytes=5-2", "lines=0-1", "bytes=a-b", "bytes=-"})
  void givenSeveralRangesOrAnUnusableRange_get_answersTheWholeFile(String range) {
    Reply reply = api.send("GET", fileUrl(INDEX), noBody(), "Range", range);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.bytes()).isEqualTo(INDEX_CONTENT);
  }

  @Test
  void givenIfRangeWithAnotherTag_get_answersTheWholeFile() throws Exception {
    Reply stale =
        api.send("GET", fileUrl(INDEX), noBody(), "Range", "bytes=0-1", "If-Range", "\"other\"");
    Reply current =
        api.send(
            "GET",
            fileUrl(INDEX),
            noBody(),
            "Range",
            "bytes=0-1",
            "If-Range",
            "\"" + sha256(INDEX_CONTENT) + "\"");

    assertThat(stale.status()).isEqualTo(200);
    assertThat(stale.bytes()).isEqualTo(INDEX_CONTENT);
    assertThat(current.status()).isEqualTo(206);
    assertThat(current.body()).isEqualTo("co");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"%s\"", "W/\"%s\"", "\"other\", \"%s\"", "*"})
  void givenIfNoneMatchNamingTheFile_getAndHead_answer304WithoutBody(String header)
      throws Exception {
    String tag = header.formatted(sha256(INDEX_CONTENT));

    Reply get = api.send("GET", fileUrl(INDEX), noBody(), "If-None-Match", tag);
    Reply head = api.head(fileUrl(INDEX), "If-None-Match", tag);

    assertThat(get.status()).isEqualTo(304);
    assertThat(get.bytes()).isEmpty();
    assertThat(get.header("ETag")).isEqualTo("\"" + sha256(INDEX_CONTENT) + "\"");
    assertThat(head.status()).isEqualTo(304);
  }

  @Test
  void givenIfNoneMatchWithAnotherTag_get_answersTheFile() {
    Reply reply = api.send("GET", fileUrl(INDEX), noBody(), "If-None-Match", "\"other\"");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.bytes()).isEqualTo(INDEX_CONTENT);
  }

  @Test
  void givenHead_answersTheHeadersOfAGetWithoutBody() throws Exception {
    Reply whole = api.head(fileUrl(INDEX));
    Reply ranged = api.head(fileUrl(INDEX), "Range", "bytes=0-3");

    assertThat(whole.status()).isEqualTo(200);
    assertThat(whole.bytes()).isEmpty();
    assertThat(whole.header("Content-Length")).isEqualTo(String.valueOf(INDEX_CONTENT.length));
    assertThat(whole.header("ETag")).isEqualTo("\"" + sha256(INDEX_CONTENT) + "\"");
    assertThat(whole.header("Accept-Ranges")).isEqualTo("bytes");
    assertThat(whole.contentType()).isEqualTo("application/octet-stream");
    assertThat(ranged.status()).isEqualTo(206);
    assertThat(ranged.header("Content-Range")).isEqualTo("bytes 0-3/" + INDEX_CONTENT.length);
    assertThat(ranged.header("Content-Length")).isEqualTo("4");
  }

  @Test
  void givenFileInAFolder_get_servesItByItsSlashedPath() {
    Reply reply = api.get(fileUrl("train/train.py"));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.bytes()).isEqualTo(RegistrationWorld.content("train/train.py"));
  }

  @Test
  void givenUnknownFileOrFolder_get_answers404() {
    assertError(api.get(fileUrl("nothing.bin")), 404, "not_found");
    assertError(api.get(fileUrl("train")), 404, "not_found");
    assertThat(api.head(fileUrl("nothing.bin")).status()).isEqualTo(404);
  }

  @Test
  void givenVersionStillImporting_get_answers409() {
    String slowUrl = "https://storage.example:8443/container/slow.bin?" + SIGNED_QUERY;
    CountDownLatch gate = new CountDownLatch(1);
    world.fetcher.serveWhenOpened(slowUrl, new byte[] {1}, gate);
    Map<String, Object> body = TestRegistrations.putBody();
    TestRegistrations.at(body, "model_files").put("pytorch_model.bin", slowUrl);
    register(api, NAME, "2.0", json(body));
    try {
      Reply reply = api.get("/api/v1.0/model/" + NAME + "/2.0/files/" + INDEX);

      assertError(reply, 409, "conflict");
    } finally {
      gate.countDown();
    }
  }

  @Test
  void givenPublicVersionOfAnotherOwner_getWithOwner_servesItsFile() {
    ApiFixture bob = api.as("bob");
    api.patch(MODEL_URL, "{\"model_config\": {\"private\": false}}");
    registerReady(bob, NAME, VERSION, putBody("DECODER", true));

    Reply bobsOwn = bob.get(fileUrl(INDEX));
    Reply local = bob.get(fileUrl(INDEX) + "?owner=local-user");

    assertThat(bobsOwn.status()).isEqualTo(200);
    assertThat(local.status()).isEqualTo(200);
    assertThat(local.bytes()).isEqualTo(INDEX_CONTENT);
    assertThat(pathsAndTypes(bob.get(fileUrl(INDEX) + "?owner=&limit=1")))
        .containsExactlyInAnyOrder("query.owner:string_too_short", "query.limit:extra_forbidden");
  }

  // --- paths that try to leave the version

  @ParameterizedTest
  @ValueSource(
      strings = {
        "train/../index.md",
        "../../../../etc/passwd",
        "%2e%2e/index.md",
        "train/%2E%2E/index.md",
        "train%2F..%2Findex.md",
        "train%5Ctrain.py",
        "train//train.py",
        "%2Findex.md",
        "/index.md",
        "index.md%0A",
        "index.md/"
      })
  void givenPathLeavingOrBendingTheFileName_get_answers422AtThePathAndServesNothing(String path)
      throws IOException {
    String response = rawGet(fileUrl(path));

    assertThat(response).startsWith("HTTP/1.1 422");
    JsonNode body = ApiFixture.json(bodyOf(response));
    assertThat(body.get("error").stringValue()).isEqualTo("validation_failed");
    assertThat(body.get("violations").get(0).get("path"))
        .isEqualTo(ApiFixture.json("[\"path\", \"path\"]"));
    assertThat(body.get("violations").get(0).get("type").stringValue()).isEqualTo("path_invalid");
    assertThat(response).doesNotContain(new String(INDEX_CONTENT, StandardCharsets.UTF_8));
  }

  @Test
  void givenRawBackslashInPath_get_answers400InTheRegistrationShape() throws IOException {
    String response = rawGet(fileUrl("train\\train.py"));

    assertThat(response).startsWith("HTTP/1.1 400");
    assertThat(ApiFixture.json(bodyOf(response)))
        .isEqualTo(
            ApiFixture.json(
                "{\"status\": 400, \"error\": \"bad_request\", \"message\": \"Bad Request\"}"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"index.md%00", "%zz"})
  void givenPathJettyCannotDecode_get_answers400WithTheRegistrationFields(String path)
      throws IOException {
    String response = rawGet(fileUrl(path));

    assertThat(response).startsWith("HTTP/1.1 400").contains("application/json");
    JsonNode body = ApiFixture.json(bodyOf(response));
    assertThat(body.get("status").asInt()).isEqualTo(400);
    assertThat(body.get("error").stringValue()).isEqualTo("bad_request");
    assertThat(body.get("message").stringValue()).isEqualTo("Bad Request");
  }

  // --- storage failures

  @Test
  void givenStoreFailingBeforeAnyByteWasSent_get_answers503WithoutItsMessage() {
    try (var failing =
        withReadFile(
            new StubReadFile(
                () -> {
                  throw new StorageException("disk /srv/secret-volume is gone");
                }))) {

      Reply reply = failing.get(fileUrl("a.bin"));

      assertError(reply, 503, "storage_unavailable");
      assertThat(reply.body()).doesNotContain("secret-volume");
    }
  }

  @Test
  void givenStreamFailingAfterAFewBufferedBytes_get_answers503WithoutDownloadHeaders() {
    try (var failing =
        withReadFile(new StubReadFile(() -> failingAfter(new byte[] {1, 2, 3, 4, 5})))) {

      Reply reply = failing.get(fileUrl("a.bin"));

      assertError(reply, 503, "storage_unavailable");
      assertThat(reply.header("ETag")).isNull();
      assertThat(reply.header("Content-Range")).isNull();
    }
  }

  @Test
  void givenStreamFailingAfterTheHeadersWentOut_get_endsTheConnectionShort() {
    try (var failing = withReadFile(new StubReadFile(() -> failingAfter(bigContent(300_000))))) {

      assertThatThrownBy(() -> failing.get(fileUrl("a.bin")))
          .isInstanceOf(UncheckedIOException.class);
    }
  }

  // --- helpers

  private static ApiFixture withReadFile(ReadModelFileUseCase readFile) {
    return ApiFixture.start(
        HttpSettings.forLocalIdentity(ApiFixture.LOCAL),
        real -> {
          RegistrationUseCases r = real.registration();
          return new RegistryUseCases(
              real.createTemplate(),
              real.getTemplate(),
              real.listTemplates(),
              real.deleteTemplate(),
              real.createModel(),
              real.getModel(),
              real.listModels(),
              real.updateModel(),
              real.deleteModel(),
              new RegistrationUseCases(
                  r.register(), r.get(), r.list(), r.update(), r.delete(), readFile),
              real.workspace(),
              real.identity());
        });
  }

  /**
   * A stored file of 600 000 bytes as far as {@code describe} tells, whose bytes come from {@code
   * bytes}; a supplier that throws makes both methods fail.
   */
  private record StubReadFile(java.util.function.Supplier<InputStream> bytes)
      implements ReadModelFileUseCase {

    private static final FileImport FILE =
        new FileImport(
            new FilePath("a.bin"),
            new SourceUrl("https://storage.example/a.bin"),
            FileImportState.STORED,
            600_000L,
            600_000,
            600_000L,
            "a".repeat(64),
            null);

    @Override
    public FileContent open(
        org.modelregistry.domain.identity.Caller viewer,
        ModelVersionRef ref,
        FilePath file,
        long offset,
        long length) {
      return new FileContent(FILE, bytes.get());
    }

    @Override
    public FileImport describe(
        org.modelregistry.domain.identity.Caller viewer, ModelVersionRef ref, FilePath file) {
      bytes.get();
      return FILE;
    }
  }

  private static InputStream failingAfter(byte[] first) {
    return new SequenceInputStream(
        new ByteArrayInputStream(first),
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("the disk went away");
          }
        });
  }

  private static byte[] bigContent(int size) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (i * 31 + i / 7);
    }
    return bytes;
  }

  private static java.net.http.HttpRequest.BodyPublisher noBody() {
    return java.net.http.HttpRequest.BodyPublishers.noBody();
  }

  private String rawGet(String target) throws IOException {
    try (Socket socket = new Socket("localhost", api.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String bodyOf(String response) {
    return response.substring(response.indexOf("\r\n\r\n") + 4);
  }
}
