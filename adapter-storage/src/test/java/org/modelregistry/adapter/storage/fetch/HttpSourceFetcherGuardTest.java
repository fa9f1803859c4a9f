package org.modelregistry.adapter.storage.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modelregistry.adapter.storage.fetch.HttpSourceFetcherTest.fetcherAllowing;
import static org.modelregistry.adapter.storage.fetch.HttpSourceFetcherTest.settings;
import static org.modelregistry.adapter.storage.fetch.HttpSourceFetcherTest.url;
import static org.modelregistry.adapter.storage.fetch.TestDns.address;
import static org.modelregistry.domain.registration.TestRegistrations.SIGNATURE;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modelregistry.domain.error.ValidationException;
import org.modelregistry.domain.registration.SourceUrl;
import org.modelregistry.ports.out.FetchedSource;
import org.modelregistry.ports.out.SourceFetchException;

/**
 * The SSRF guard: which hosts are refused before, during and after redirects. The refused forms all
 * point at the port of a live local server, which must never see a request.
 */
class HttpSourceFetcherGuardTest {

  private static final byte[] CONTENT = "weights".getBytes(StandardCharsets.UTF_8);

  private final FileServer target = FileServer.start().file("/m.bin", CONTENT);
  private final FileServer allowed = FileServer.start();
  private final HttpSourceFetcher unguarded = fetcherAllowing();

  @AfterEach
  void stop() {
    unguarded.close();
    target.close();
    allowed.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "127.0.0.2",
        "2130706433",
        "0x7f000001",
        "0x7F000001",
        "0177.0.0.1",
        "017700000001",
        "10.0.0.1",
        "172.16.5.4",
        "172.31.255.255",
        "192.168.1.1",
        "169.254.169.254",
        "169.254.1.1",
        "100.64.0.1",
        "100.100.100.200",
        "192.0.0.192",
        "0.0.0.0",
        "0.1.2.3",
        "255.255.255.255",
        "240.0.0.1",
        "224.0.0.1",
        "[::1]",
        "[0:0:0:0:0:0:0:1]",
        "[::]",
        "[::ffff:127.0.0.1]",
        "[::ffff:7f00:1]",
        "[::ffff:169.254.169.254]",
        "[::127.0.0.1]",
        "[64:ff9b::a9fe:a9fe]",
        "[2002:7f00:1::]",
        "[fe80::1]",
        "[fc00::1]",
        "[fd00:ec2::254]",
        "[fec0::1]",
        "[ff02::1]",
        "localhost",
        "LOCALHOST"
      })
  void givenABlockedHost_refusalAndOpen_refuseIt(String host) {
    SourceUrl url = url("http://" + host + ":" + target.port() + "/m.bin?" + SIGNATURE);

    assertThat(unguarded.refusal(url))
        .hasValueSatisfying(reason -> assertThat(reason).doesNotContain(SIGNATURE));
    assertThatThrownBy(() -> unguarded.open(url))
        .isInstanceOfSatisfying(
            SourceFetchException.class, e -> assertThat(e.isRetryable()).isFalse())
        .hasMessageStartingWith("GET " + url.redacted() + " refused: the host ")
        .hasMessageNotContaining(SIGNATURE);
    assertThat(target.requestCount()).isZero();
  }

  @Test
  void givenBlockedHosts_refusal_explainsWhatTheyAre() {
    assertThat(unguarded.refusal(url("http://10.0.0.1/m.bin")))
        .contains("the host 10.0.0.1 is a private address");
    assertThat(unguarded.refusal(url("http://169.254.169.254/latest/meta-data")))
        .contains("the host 169.254.169.254 is a cloud metadata address");
    assertThat(unguarded.refusal(url("http://[fd00:ec2::254]/")))
        .contains("the host fd00:ec2::254 is a cloud metadata address");
    assertThat(unguarded.refusal(url("http://[::ffff:127.0.0.1]/")))
        .contains("the host 127.0.0.1 is a loopback address");
    assertThat(unguarded.refusal(url("http://2130706433/m.bin")))
        .contains(
            "the host 2130706433 is an IPv4 address in a non-standard form (read as 127.0.0.1,"
                + " a loopback address); only the form a.b.c.d is accepted");
    assertThat(unguarded.refusal(url("http://localhost/m.bin")))
        .hasValueSatisfying(
            reason -> assertThat(reason).startsWith("the host localhost resolves to "));
  }

  @ParameterizedTest
  @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "[2606:4700:4700::1111]", "[::ffff:1.1.1.1]"})
  void givenAPublicAddress_refusal_passes(String host) {
    assertThat(unguarded.refusal(url("https://" + host + "/m.bin?" + SIGNATURE))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://ftp.example/m.bin", "file:///etc/passwd", "s3://bucket/key"})
  void givenAnotherScheme_refusalAndOpen_refuseIt(String text) {
    SourceUrl url = new SourceUrl(text.replace("file:///", "file://host/") + "?" + SIGNATURE);

    assertThat(unguarded.refusal(url))
        .hasValueSatisfying(reason -> assertThat(reason).startsWith("only http and https"));
    assertThatThrownBy(() -> unguarded.open(url))
        .isInstanceOfSatisfying(
            SourceFetchException.class, e -> assertThat(e.isRetryable()).isFalse())
        .hasMessageNotContaining(SIGNATURE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.1", "127.0.0.1.", "0x7f.1", "127.0.1"})
  void givenAShortNumericHost_sourceUrl_rejectsItAlready(String host) {
    assertThatThrownBy(() -> new SourceUrl("http://" + host + "/m.bin"))
        .isInstanceOf(ValidationException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "127.1",
        "127.0.0.1.",
        "2130706433",
        "0x7f000001",
        "0x7f.1",
        "0177.0.0.1",
        "10.0.0.1",
        "169.254.169.254",
        "[::1]",
        "[::ffff:127.0.0.1]",
        "[::ffff:7f00:1]",
        "localhost"
      })
  void givenARedirectFromAnAllowlistedHostToABlockedOne_open_refusesIt(String host) {
    String location = "http://" + host + ":" + target.port() + "/m.bin?" + SIGNATURE;
    allowed.redirect("/start", 302, location);
    var fetcher = fetcherAllowing(allowed.hostAndPort());

    assertThatThrownBy(() -> fetcher.open(url(allowed.url("/start?" + SIGNATURE))))
        .isInstanceOfSatisfying(
            SourceFetchException.class, e -> assertThat(e.isRetryable()).isFalse())
        .hasMessageStartingWith("GET " + allowed.url("/start") + " redirected to http://")
        .hasMessageContaining(", which is refused: the host ")
        .hasMessageNotContaining(SIGNATURE);
    assertThat(allowed.requestCount()).isOne();
    assertThat(target.requestCount()).isZero();
  }

  @Test
  void givenAnAllowlistedHostAndPort_refusal_admitsThatPortOnly() {
    var fetcher = fetcherAllowing(target.hostAndPort());

    assertThat(fetcher.refusal(url(target.url("/m.bin")))).isEmpty();
    assertThat(fetcher.refusal(url("http://127.0.0.1:" + (target.port() + 1) + "/m.bin")))
        .hasValue("the host 127.0.0.1 is a loopback address");
    assertThat(fetcher.refusal(url("http://127.0.0.1/m.bin"))).isPresent();
  }

  @Test
  void givenAnAllowlistedHostAndPort_open_fetchesFromIt() throws IOException {
    try (FetchedSource source =
        fetcherAllowing(target.hostAndPort()).open(url(target.url("/m.bin?" + SIGNATURE)))) {
      assertThat(source.body().readAllBytes()).isEqualTo(CONTENT);
    }
  }

  @Test
  void givenAnAllowlistedHostWithoutPort_refusal_admitsEveryPort() {
    var fetcher = fetcherAllowing("127.0.0.1", "[::1]");

    assertThat(fetcher.refusal(url(target.url("/m.bin")))).isEmpty();
    assertThat(fetcher.refusal(url("https://127.0.0.1/m.bin"))).isEmpty();
    assertThat(fetcher.refusal(url("http://[::1]:9000/m.bin"))).isEmpty();
    assertThat(fetcher.refusal(url("http://127.0.0.2/m.bin"))).isPresent();
  }

  @Test
  void givenAnAllowlistedIpv6AddressAndPort_refusal_comparesTheirCanonicalForms() {
    var fetcher = fetcherAllowing("[0:0:0:0:0:0:0:1]:8080", "LocalHost:443");

    assertThat(fetcher.refusal(url("http://[::1]:8080/m.bin"))).isEmpty();
    assertThat(fetcher.refusal(url("http://[::1]:8081/m.bin"))).isPresent();
    assertThat(fetcher.refusal(url("https://localhost/m.bin"))).isEmpty();
    assertThat(fetcher.refusal(url("http://localhost/m.bin"))).isPresent();
  }

  @Test
  void givenARedirectFromAnAllowlistedPortToAnotherLoopbackPort_open_refusesIt() {
    allowed.redirect("/start", 302, target.url("/m.bin?" + SIGNATURE));
    var fetcher = fetcherAllowing(allowed.hostAndPort());

    assertThatThrownBy(() -> fetcher.open(url(allowed.url("/start"))))
        .isInstanceOfSatisfying(
            SourceFetchException.class, e -> assertThat(e.isRetryable()).isFalse())
        .hasMessage(
            "GET "
                + allowed.url("/start")
                + " redirected to "
                + target.url("/m.bin")
                + ", which is refused: the host 127.0.0.1 is a loopback address");
    assertThat(target.requestCount()).isZero();
  }

  @Test
  void givenANameResolvingToABlockedAddress_refusal_namesTheAddress() {
    var fetcher =
        new HttpSourceFetcher(
            settings(), TestDns.of("files.test", address("93.184.216.34"), address("10.1.2.3")));

    assertThat(fetcher.refusal(url("https://files.test/m.bin")))
        .hasValue("the host files.test resolves to 10.1.2.3, a private address");
  }

  @Test
  void givenANameThatRebindsToLoopbackAfterTheCheck_open_refusesAtConnectionTime() {
    var dns =
        TestDns.rebinding(
            "rebind.test", address("93.184.216.34"), InetAddress.getLoopbackAddress());
    var fetcher = new HttpSourceFetcher(settings(), dns);
    SourceUrl url = url("http://rebind.test:" + target.port() + "/m.bin?" + SIGNATURE);

    assertThatThrownBy(() -> fetcher.open(url))
        .isInstanceOfSatisfying(
            SourceFetchException.class, e -> assertThat(e.isRetryable()).isFalse())
        .hasMessage(
            "GET "
                + url.redacted()
                + " refused: the host rebind.test resolves to 127.0.0.1, a loopback address");
    assertThat(dns.lookups()).isEqualTo(2);
    assertThat(target.requestCount()).isZero();
  }

  @Test
  void givenTheGuardedSocketFactory_connectingToABlockedAddress_isRefused() throws IOException {
    var sockets = new HostGuard(HostAllowlist.parse(List.of()), TestDns.of()).socketFactory();
    var loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), target.port());

    try (var socket = sockets.createSocket()) {
      assertThatThrownBy(() -> socket.connect(loopback))
          .isInstanceOf(HostGuard.RefusedConnectionException.class)
          .hasMessage("the connection would reach 127.0.0.1, a loopback address");
      assertThat(socket.isConnected()).isFalse();
    }
    assertThatThrownBy(() -> sockets.createSocket(loopback.getAddress(), target.port()))
        .isInstanceOf(HostGuard.RefusedConnectionException.class);
    assertThatThrownBy(() -> sockets.createSocket("::1", target.port()))
        .isInstanceOf(HostGuard.RefusedConnectionException.class);
  }
}
