package org.modelregistry.adapter.storage.fetch;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.modelregistry.adapter.storage.fetch.HttpSourceFetcherTest.url;
import static org.modelregistry.domain.registration.TestRegistrations.SIGNATURE;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.modelregistry.ports.out.FetchedSource;
import org.modelregistry.ports.out.SourceFetchException;

/**
 * Sources that stall or end early, served byte by byte from a raw socket. Reads must end within a
 * bounded time, and a short body must be detectable by the caller.
 */
class MisbehavingSourceTest {

  private static final Duration READ_TIMEOUT = Duration.ofMillis(300);
  private static final Duration BOUND = Duration.ofSeconds(5);
  private static final byte[] HALF = "x".repeat(50).getBytes(US_ASCII);

  private RawServer server;
  private HttpSourceFetcher fetcher;

  @AfterEach
  void stop() throws IOException {
    if (fetcher != null) {
      fetcher.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void givenASourceThatStallsMidBody_reading_failsRetryableAndKeepsFailing() throws IOException {
    serve(
        (out, server) -> {
          out.write(RawServer.response("HTTP/1.1 200 OK\r\nContent-Length: 100", HALF));
          out.flush();
          server.awaitRelease();
        });

    try (FetchedSource source = fetcher.open(url(server.url("/m.bin?" + SIGNATURE)))) {
      InputStream body = source.body();
      assertThat(body.readNBytes(HALF.length)).isEqualTo(HALF);

      assertTimeoutPreemptively(
          BOUND,
          () -> {
            assertThatThrownBy(body::read)
                .isInstanceOfSatisfying(
                    SourceFetchException.class, e -> assertThat(e.isRetryable()).isTrue())
                .hasMessage("reading " + server.url("/m.bin") + " timed out: no data for 300 ms");
            assertThatThrownBy(() -> body.read(new byte[10]))
                .isInstanceOf(SourceFetchException.class);
          });
    }
  }

  @Test
  void givenASourceThatStallsBeforeAnswering_open_failsRetryable() {
    serve((out, server) -> server.awaitRelease());

    assertTimeoutPreemptively(
        BOUND,
        () ->
            assertThatThrownBy(() -> fetcher.open(url(server.url("/m.bin?" + SIGNATURE))))
                .isInstanceOfSatisfying(
                    SourceFetchException.class, e -> assertThat(e.isRetryable()).isTrue())
                .hasMessageStartingWith("GET " + server.url("/m.bin") + " failed: timed out")
                .hasMessageNotContaining(SIGNATURE));
  }

  @Test
  void givenASourceThatClosesBeforeItsContentLength_reading_throwsIOException() throws IOException {
    serve(
        (out, server) ->
            out.write(RawServer.response("HTTP/1.1 200 OK\r\nContent-Length: 100", HALF)));

    try (FetchedSource source = fetcher.open(url(server.url("/m.bin?" + SIGNATURE)))) {
      assertThat(source.contentLength()).hasValue(100);

      assertTimeoutPreemptively(
          BOUND,
          () ->
              assertThatThrownBy(() -> source.body().readAllBytes())
                  .isInstanceOf(IOException.class)
                  .hasMessageStartingWith("reading " + server.url("/m.bin") + " failed: ")
                  .hasMessageNotContaining(SIGNATURE));
    }
  }

  @Test
  void givenAChunkedSourceThatClosesMidChunk_reading_throwsIOException() throws IOException {
    serve(
        (out, server) ->
            out.write(
                RawServer.response(
                    "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked",
                    ("64\r\n" + "x".repeat(50)).getBytes(US_ASCII))));

    try (FetchedSource source = fetcher.open(url(server.url("/m.bin")))) {
      assertThat(source.contentLength()).isEmpty();
      assertThatThrownBy(() -> source.body().readAllBytes()).isInstanceOf(IOException.class);
    }
  }

  @Test
  void givenASourceWithoutLengthThatCloses_reading_endsWithTheBytesSentAndNoLength()
      throws IOException {
    // Without a length or chunking, the end of the connection is the end of the body (HTTP/1.0
    // style): the truncation cannot be seen here, and contentLength() says so by being empty.
    serve(
        (out, server) ->
            out.write(RawServer.response("HTTP/1.1 200 OK\r\nConnection: close", HALF)));

    try (FetchedSource source = fetcher.open(url(server.url("/m.bin")))) {
      assertThat(source.contentLength()).isEmpty();
      assertThat(source.body().readAllBytes()).isEqualTo(HALF);
    }
  }

  private void serve(RawServer.Script script) {
    server = RawServer.start(script);
    fetcher =
        new HttpSourceFetcher(
            new FetchSettings(
                Duration.ofSeconds(1),
                READ_TIMEOUT,
                5,
                List.of(server.hostAndPort()),
                "registry-test"));
  }
}
