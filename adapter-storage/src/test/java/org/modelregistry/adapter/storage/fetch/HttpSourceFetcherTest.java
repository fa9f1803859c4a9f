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
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modelregistry.domain.registration.SourceUrl;
import org.modelregistry.ports.out.FetchedSource;
import org.modelregistry.ports.out.SourceFetchException;

/** Fetching from a real local server: bodies, answers, redirects. */
class HttpSourceFetcherTest {

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
  void givenAClientErrorAnswer_open_failsNotRetryableNamingTheRedactedUrl(int status) {
    server.status("/m.bin", status);

    assertThatThrownBy(() -> fetcher.open(url(server.url("/m.bin?" + SIGNATURE))))
        .isInstanceOfSatisfying(
            SourceFetchException.class, e -> assertThat(e.isRetryable()).isFalse())
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
