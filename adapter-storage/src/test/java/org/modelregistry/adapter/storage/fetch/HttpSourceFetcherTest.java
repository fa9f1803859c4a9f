package org.modelregistry.adapter.storage.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modelregistry.domain.registration.TestRegistrations.SIGNATURE;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modelregistry.domain.registration.Secret;
import org.modelregistry.domain.registration.SourceUrl;
import org.modelregistry.ports.out.FetchRequest;
import org.modelregistry.ports.out.FetchedSource;
import org.modelregistry.ports.out.SourceFetchException;

/** Fetching from a real local server: bodies, answers, redirects. */
class HttpSourceFetcherTest {

  private static final Secret TOKEN = new Secret("hf_token_do_not_leak");
  private static final byte[] CONTENT =
      "model weights\n".repeat(1000).getBytes(StandardCharsets.UTF_8);

  private final FileServer server = FileServer.start();
  private final HttpSourceFetcher fetcher = fetcherAllowing(server.hostAndPort());

  @AfterEach
  void stop() {
    fetcher.close();
    server.close();
  }

  @Test
  void givenAFileWithContentLength_open_returnsItsBytesAndLength() throws IOException {
    server.file("/m.bin", CONTENT);

    try (FetchedSource source = fetcher.open(url(server.url("/m.bin")))) {
      assertThat(source.contentLength()).hasValue(CONTENT.length);
      assertThat(source.body().readAllBytes()).isEqualTo(CONTENT);
    }
  }

  @Test
  void givenAChunkedFile_open_returnsItsBytesWithoutALength() throws IOException {
    server.chunkedFile("/m.bin", CONTENT);

    try (FetchedSource source = fetcher.open(url(server.url("/m.bin")))) {
      assertThat(source.contentLength()).isEmpty();
      assertThat(source.body().readAllBytes()).isEqualTo(CONTENT);
    }
  }

  @Test
  void givenASignedUrl_open_sendsThePathAndQueryUnchangedAskingForIdentity() throws IOException {
    String signed =
        "/c/m.bin?X-Amz-Credential=AKIA%2F20250101%2Fus-east-1%2Fs3%2Faws4_request&" + SIGNATURE;
    server.file("/c/m.bin", CONTENT);

    try (FetchedSource source = fetcher.open(url(server.url(signed)))) {
      source.body().readAllBytes();
    }

    FileServer.Received request = server.received().getFirst();
    assertThat(request.uri()).isEqualTo(signed);
    assertThat(request.headers().get("Accept-Encoding")).containsExactly("identity");
    assertThat(request.headers().get("User-Agent")).containsExactly("registry-test");
  }

  @Test
  void givenAGzipEncodedFile_open_returnsTheBytesAsSentWithTheirLength() throws IOException {
    byte[] gzipped = gzip(CONTENT);
    server.route(
        "/m.bin",
        exchange -> {
          exchange.getResponseHeaders().set("Content-Encoding", "gzip");
          FileServer.send(exchange, 200, gzipped, gzipped.length);
        });

    try (FetchedSource source = fetcher.open(url(server.url("/m.bin")))) {
      assertThat(source.contentLength()).hasValue(gzipped.length);
      assertThat(source.body().readAllBytes()).isEqualTo(gzipped);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 410})
  void givenAClientErrorAnswer_open_failsNotRetryableNamingTheRedactedUrlAndStatus(int status) {
    server.status("/m.bin", status);

    assertThatThrownBy(() -> fetcher.open(url(server.url("/m.bin?" + SIGNATURE))))
        .isInstanceOfSatisfying(
            SourceFetchException.class,
            e -> {
              assertThat(e.isRetryable()).isFalse();
              assertThat(HttpStatusException.statusOf(e)).hasValue(status);
            })
        .hasMessage("GET " + server.url("/m.bin") + " returned " + status);
  }

  @ParameterizedTest
  @ValueSource(ints = {408, 429, 500, 502, 503, 504})
  void givenATransientErrorAnswer_open_failsRetryable(int status) {
    server.status("/m.bin", status);

    assertThatThrownBy(() -> fetcher.open(url(server.url("/m.bin?" + SIGNATURE))))
        .isInstanceOfSatisfying(
            SourceFetchException.class, e -> assertThat(e.isRetryable()).isTrue())
        .hasMessage("GET " + server.url("/m.bin") + " returned " + status);
  }

  @Test
  void givenARedirectChainAsLongAsTheLimit_open_followsItToTheFile() throws IOException {
    server
        .redirect("/0", 301, server.url("/1?" + SIGNATURE))
        .redirect("/1", 302, "/2")
        .redirect("/2", 303, "3")
        .redirect("/3", 307, "//" + server.hostAndPort() + "/4")
        .redirect("/4", 308, server.url("/m.bin"))
        .file("/m.bin", CONTENT);

    try (FetchedSource source = fetcher.open(url(server.url("/0")))) {
      assertThat(source.body().readAllBytes()).isEqualTo(CONTENT);
    }
    assertThat(server.received())
        .extracting(FileServer.Received::uri)
        .containsExactly("/0", "/1?" + SIGNATURE, "/2", "/3", "/4", "/m.bin");
  }

  @Test
  void givenMoreRedirectsThanTheLimit_open_failsNotRetryable() {
    for (int i = 0; i <= FetchSettings.DEFAULT_MAX_REDIRECTS; i++) {
      server.redirect("/" + i, 302, "/" + (i + 1) + "?" + SIGNATURE);
    }
    server.file("/" + (FetchSettings.DEFAULT_MAX_REDIRECTS + 1), CONTENT);

    assertThatThrownBy(() -> fetcher.open(url(server.url("/0?" + SIGNATURE))))
        .isInstanceOfSatisfying(
            SourceFetchException.class, e -> assertThat(e.isRetryable()).isFalse())
        .hasMessage("GET " + server.url("/0") + " redirected more than 5 times");
    assertThat(server.requestCount()).isEqualTo(FetchSettings.DEFAULT_MAX_REDIRECTS + 1);
  }

  @Test
  void givenNoRedirectsAllowed_open_refusesTheFirst() {
    var strict = new HttpSourceFetcher(settings(server.hostAndPort()).withMaxRedirects(0));
    server.redirect("/0", 302, "/m.bin").file("/m.bin", CONTENT);

    assertThatThrownBy(() -> strict.open(url(server.url("/0"))))
        .isInstanceOf(SourceFetchException.class)
        .hasMessageContaining("redirected more than 0 times");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "file:///etc/passwd",
        "FILE:///etc/passwd",
        "ftp://ftp.example/m.bin",
        "gopher://x"
      })
  void givenARedirectToAnotherScheme_open_failsNotRetryableNamingTheScheme(String location) {
    server.redirect("/m.bin", 302, location + "?" + SIGNATURE);

    assertThatThrownBy(() -> fetcher.open(url(server.url("/m.bin?" + SIGNATURE))))
        .isInstanceOfSatisfying(
            SourceFetchException.class, e -> assertThat(e.isRetryable()).isFalse())
        .hasMessageStartingWith("GET " + server.url("/m.bin") + " redirected to a '")
        .hasMessageContaining("only http and https")
        .hasMessageNotContaining(SIGNATURE)
        .hasMessageNotContaining("passwd");
  }

  @Test
  void givenARedirectWithoutLocation_open_failsNotRetryable() {
    server.status("/m.bin", 302);

    assertThatThrownBy(() -> fetcher.open(url(server.url("/m.bin"))))
        .isInstanceOfSatisfying(
            SourceFetchException.class, e -> assertThat(e.isRetryable()).isFalse())
        .hasMessage("GET " + server.url("/m.bin") + " returned 302 without a Location");
  }

  @Test
  void givenANotModifiedAnswer_open_failsNotRetryable() {
    server.status("/m.bin", 304);

    assertThatThrownBy(() -> fetcher.open(url(server.url("/m.bin"))))
        .isInstanceOfSatisfying(
            SourceFetchException.class, e -> assertThat(e.isRetryable()).isFalse())
        .hasMessage("GET " + server.url("/m.bin") + " returned 304");
  }

  @Test
  void givenAClosedPort_open_failsRetryable() throws IOException {
    int port;
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    var closed = fetcherAllowing("127.0.0.1:" + port);

    assertThatThrownBy(() -> closed.open(url("http://127.0.0.1:" + port + "/m.bin?" + SIGNATURE)))
        .isInstanceOfSatisfying(
            SourceFetchException.class, e -> assertThat(e.isRetryable()).isTrue())
        .hasMessageStartingWith("GET http://127.0.0.1:" + port + "/m.bin failed: ")
        .hasMessageNotContaining(SIGNATURE);
  }

  @Test
  void givenAHostThatDoesNotResolve_refusalPassesAndOpenFailsRetryable() {
    var fetcher = new HttpSourceFetcher(settings(), TestDns.of());
    SourceUrl url = url("https://nowhere.test/m.bin?" + SIGNATURE);

    assertThat(fetcher.refusal(url)).isEmpty();
    assertThatThrownBy(() -> fetcher.open(url))
        .isInstanceOfSatisfying(
            SourceFetchException.class, e -> assertThat(e.isRetryable()).isTrue())
        .hasMessageStartingWith("GET https://nowhere.test/m.bin failed: unknown host")
        .hasMessageNotContaining(SIGNATURE);
  }

  @Test
  void givenAnAllowlistedName_open_fetchesFromWhatItResolvesTo() throws IOException {
    server.file("/m.bin", CONTENT);
    var byName =
        new HttpSourceFetcher(
            settings("FILES.test:" + server.port()),
            TestDns.of("files.test", InetAddress.getLoopbackAddress()));

    try (FetchedSource source = byName.open(url("http://files.test:" + server.port() + "/m.bin"))) {
      assertThat(source.body().readAllBytes()).isEqualTo(CONTENT);
    }
  }

  @Test
  void givenASourceThatHonoursRanges_openARange_asksForItAndReturnsThe206Body() throws IOException {
    server.route("/m.bin", FileServer.ranged(CONTENT));

    try (FetchedSource source =
        fetcher.open(url(server.url("/m.bin")), new FetchRequest(Optional.empty(), 10, 20))) {
      assertThat(source.contentLength()).hasValue(20);
      assertThat(source.body().readAllBytes()).isEqualTo(Arrays.copyOfRange(CONTENT, 10, 30));
    }
    assertThat(server.received().getFirst().headers().get("Range")).containsExactly("bytes=10-29");
  }

  @Test
  void givenASourceThatHonoursRanges_openFromAnOffset_asksForTheRestOnly() throws IOException {
    server.route("/m.bin", FileServer.ranged(CONTENT));

    try (FetchedSource source =
        fetcher.open(url(server.url("/m.bin")), new FetchRequest(Optional.empty(), 100, -1))) {
      assertThat(source.body().readAllBytes())
          .isEqualTo(Arrays.copyOfRange(CONTENT, 100, CONTENT.length));
    }
    assertThat(server.received().getFirst().headers().get("Range")).containsExactly("bytes=100-");
  }

  @Test
  void givenALengthBeyondTheLargestOffset_open_asksForEverythingFromTheOffset() throws IOException {
    server.route("/m.bin", FileServer.ranged(CONTENT));

    try (FetchedSource source =
        fetcher.open(
            url(server.url("/m.bin")), new FetchRequest(Optional.empty(), 5, Long.MAX_VALUE))) {
      assertThat(source.body().readAllBytes())
          .isEqualTo(Arrays.copyOfRange(CONTENT, 5, CONTENT.length));
    }
    assertThat(server.received().getFirst().headers().get("Range")).containsExactly("bytes=5-");
  }

  @Test
  void givenASourceThatIgnoresRanges_openARange_cutsItOutOfTheWholeBody() throws IOException {
    server.file("/m.bin", CONTENT);

    try (FetchedSource source =
        fetcher.open(url(server.url("/m.bin")), new FetchRequest(Optional.empty(), 10, 20))) {
      assertThat(source.contentLength()).hasValue(20);
      assertThat(source.body().readAllBytes()).isEqualTo(Arrays.copyOfRange(CONTENT, 10, 30));
    }
  }

  @Test
  void givenAChunkedSourceThatIgnoresRanges_openFromAnOffset_skipsToIt() throws IOException {
    server.chunkedFile("/m.bin", CONTENT);

    try (FetchedSource source =
        fetcher.open(url(server.url("/m.bin")), new FetchRequest(Optional.empty(), 7, -1))) {
      assertThat(source.contentLength()).isEmpty();
      assertThat(source.body().readAllBytes())
          .isEqualTo(Arrays.copyOfRange(CONTENT, 7, CONTENT.length));
    }
  }

  @Test
  void givenASourceThatIgnoresRanges_openBeyondItsEnd_failsNotRetryable() {
    server.file("/m.bin", CONTENT);

    assertThatThrownBy(
            () ->
                fetcher.open(
                    url(server.url("/m.bin")),
                    new FetchRequest(Optional.empty(), CONTENT.length + 1, 10)))
        .isInstanceOfSatisfying(
            SourceFetchException.class, e -> assertThat(e.isRetryable()).isFalse())
        .hasMessageContaining("the range starts beyond the end");
  }

  @Test
  void givenAChunkedSourceThatIgnoresRanges_readingBeyondItsEnd_failsNotRetryable() {
    server.chunkedFile("/m.bin", CONTENT);

    assertThatThrownBy(
            () -> {
              try (FetchedSource source =
                  fetcher.open(
                      url(server.url("/m.bin")),
                      new FetchRequest(Optional.empty(), CONTENT.length + 1, -1))) {
                source.body().readAllBytes();
              }
            })
        .isInstanceOfSatisfying(
            SourceFetchException.class, e -> assertThat(e.isRetryable()).isFalse())
        .hasMessageContaining("the range starts beyond the end");
  }

  @Test
  void givenARangeBeyondTheEnd_open_failsNotRetryableWith416() {
    server.route("/m.bin", FileServer.ranged(CONTENT));

    assertThatThrownBy(
            () ->
                fetcher.open(
                    url(server.url("/m.bin?" + SIGNATURE)),
                    new FetchRequest(Optional.empty(), CONTENT.length + 5, 10)))
        .isInstanceOfSatisfying(
            SourceFetchException.class,
            e -> {
              assertThat(e.isRetryable()).isFalse();
              assertThat(HttpStatusException.statusOf(e)).hasValue(416);
            })
        .hasMessage(
            "GET " + server.url("/m.bin") + " returned 416: the range starts beyond the end");
  }

  @Test
  void givenA206ForAnotherRangeThanAskedFor_open_failsNotRetryable() {
    server.route(
        "/m.bin",
        exchange -> {
          exchange.getResponseHeaders().set("Content-Range", "bytes 0-9/" + CONTENT.length);
          FileServer.send(exchange, 206, Arrays.copyOf(CONTENT, 10), 10);
        });

    assertThatThrownBy(
            () ->
                fetcher.open(url(server.url("/m.bin")), new FetchRequest(Optional.empty(), 10, 10)))
        .isInstanceOfSatisfying(
            SourceFetchException.class, e -> assertThat(e.isRetryable()).isFalse())
        .hasMessageContaining("answered a range that does not start at byte 10");
  }

  @Test
  void givenA206LongerThanAskedFor_open_cutsItToTheLength() throws IOException {
    server.route(
        "/m.bin",
        exchange -> {
          exchange.getResponseHeaders().set("Content-Range", "bytes 10-59/" + CONTENT.length);
          FileServer.send(exchange, 206, Arrays.copyOfRange(CONTENT, 10, 60), 50);
        });

    try (FetchedSource source =
        fetcher.open(url(server.url("/m.bin")), new FetchRequest(Optional.empty(), 10, 5))) {
      assertThat(source.contentLength()).hasValue(5);
      assertThat(source.body().readAllBytes()).isEqualTo(Arrays.copyOfRange(CONTENT, 10, 15));
    }
  }

  @Test
  void givenABearerToken_open_sendsItToTheUrlsHost() throws IOException {
    server.file("/m.bin", CONTENT);

    try (FetchedSource source =
        fetcher.open(url(server.url("/m.bin")), FetchRequest.whole(Optional.of(TOKEN)))) {
      source.body().readAllBytes();
    }

    assertThat(server.received().getFirst().headers().get("Authorization"))
        .containsExactly("Bearer " + TOKEN.value());
  }

  @Test
  void givenNoBearerToken_open_sendsNoAuthorization() throws IOException {
    server.file("/m.bin", CONTENT);

    try (FetchedSource source = fetcher.open(url(server.url("/m.bin")))) {
      source.body().readAllBytes();
    }

    assertThat(server.received().getFirst().headers().containsKey("Authorization")).isFalse();
  }

  @Test
  void givenARedirectToAnotherHost_open_followsItWithTheRangeButWithoutTheToken()
      throws IOException {
    try (var cdn = FileServer.start().route("/blob", FileServer.ranged(CONTENT))) {
      var fetcher =
          new HttpSourceFetcher(
              settings(server.hostAndPort(), "cdn.test:" + cdn.port()),
              TestDns.of("cdn.test", InetAddress.getLoopbackAddress()));
      server.redirect("/m.bin", 302, "http://cdn.test:" + cdn.port() + "/blob?" + SIGNATURE);

      try (FetchedSource source =
          fetcher.open(url(server.url("/m.bin")), new FetchRequest(Optional.of(TOKEN), 3, 4))) {
        assertThat(source.body().readAllBytes()).isEqualTo(Arrays.copyOfRange(CONTENT, 3, 7));
      }

      assertThat(server.received().getFirst().headers().get("Authorization"))
          .containsExactly("Bearer " + TOKEN.value());
      FileServer.Received redirected = cdn.received().getFirst();
      assertThat(redirected.headers().containsKey("Authorization")).isFalse();
      assertThat(redirected.headers().get("Range")).containsExactly("bytes=3-6");
    }
  }

  @Test
  void givenARedirectToAnotherPortOfTheSameHost_open_followsItWithoutTheToken() throws IOException {
    try (var other = FileServer.start().file("/blob", CONTENT)) {
      var fetcher = fetcherAllowing(server.hostAndPort(), other.hostAndPort());
      server.redirect("/m.bin", 307, other.url("/blob"));

      try (FetchedSource source =
          fetcher.open(url(server.url("/m.bin")), FetchRequest.whole(Optional.of(TOKEN)))) {
        assertThat(source.body().readAllBytes()).isEqualTo(CONTENT);
      }

      assertThat(other.received().getFirst().headers().containsKey("Authorization")).isFalse();
    }
  }

  @Test
  void givenARedirectOnTheSameOrigin_open_keepsTheToken() throws IOException {
    server.redirect("/old", 301, "/m.bin").file("/m.bin", CONTENT);

    try (FetchedSource source =
        fetcher.open(url(server.url("/old")), FetchRequest.whole(Optional.of(TOKEN)))) {
      source.body().readAllBytes();
    }

    assertThat(server.received())
        .extracting(r -> r.headers().getFirst("Authorization"))
        .containsExactly("Bearer " + TOKEN.value(), "Bearer " + TOKEN.value());
  }

  @Test
  void givenAnAnswerWithHeaders_header_findsThemIgnoringCaseAfterRedirects() throws IOException {
    server
        .redirect("/old", 302, "/m.bin")
        .route(
            "/m.bin",
            exchange -> {
              exchange.getResponseHeaders().set("X-Repo-Commit", "abc123");
              exchange.getResponseHeaders().set("Link", "</next>; rel=\"next\"");
              FileServer.send(exchange, 200, CONTENT, CONTENT.length);
            });

    try (FetchedSource source = fetcher.open(url(server.url("/old")))) {
      assertThat(source.header("x-repo-commit")).contains("abc123");
      assertThat(source.header("LINK")).contains("</next>; rel=\"next\"");
      assertThat(source.header("Location")).isEmpty();
      assertThat(source.header("X-Missing")).isEmpty();
    }
  }

  static FetchSettings settings(String... allowedHosts) {
    return new FetchSettings(
        Duration.ofSeconds(2), Duration.ofSeconds(2), 5, List.of(allowedHosts), "registry-test");
  }

  static HttpSourceFetcher fetcherAllowing(String... allowedHosts) {
    return new HttpSourceFetcher(settings(allowedHosts));
  }

  static SourceUrl url(String text) {
    return new SourceUrl(text);
  }

  private static byte[] gzip(byte[] content) throws IOException {
    var bytes = new ByteArrayOutputStream();
    try (var out = new GZIPOutputStream(bytes)) {
      out.write(content);
    }
    return bytes.toByteArray();
  }
}
