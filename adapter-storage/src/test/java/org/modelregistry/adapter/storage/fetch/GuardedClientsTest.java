package org.modelregistry.adapter.storage.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modelregistry.adapter.storage.fetch.HttpSourceFetcherTest.settings;
import static org.modelregistry.adapter.storage.fetch.TestDns.address;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Clients for user-named endpoints (S3) reach only what the fetcher would. */
class GuardedClientsTest {

  private static final byte[] CONTENT = "bucket listing".getBytes(StandardCharsets.UTF_8);

  private final FileServer server = FileServer.start().file("/bucket", CONTENT);
  private final FileServer other = FileServer.start().file("/bucket", CONTENT);

  @AfterEach
  void stop() {
    server.close();
    other.close();
  }

  @Test
  void givenALoopbackEndpointNotAllowlisted_refusalAndClient_refuseItWithoutConnecting() {
    var clients = new GuardedClients(settings());
    HttpUrl endpoint = HttpUrl.get(server.url("/bucket"));

    assertThat(clients.refusal(endpoint)).hasValue("the host 127.0.0.1 is a loopback address");
    OkHttpClient client = clients.guard(new OkHttpClient.Builder(), endpoint).build();
    assertThatThrownBy(() -> get(client, endpoint))
        .isInstanceOf(IOException.class)
        .satisfies(
            e ->
                assertThat(GuardedClients.refusalIn(e))
                    .hasValue("the connection would reach 127.0.0.1, a loopback address"));
    assertThat(server.requestCount()).isZero();
  }

  @Test
  void givenAMetadataEndpoint_refusal_namesIt() {
    var clients = new GuardedClients(settings());

    assertThat(clients.refusal(HttpUrl.get("http://169.254.169.254/")))
        .hasValue("the host 169.254.169.254 is a cloud metadata address");
  }

  @Test
  void givenANameThatRebindsToLoopbackAfterTheCheck_client_refusesAtResolution() {
    var dns =
        TestDns.rebinding(
            "rebind.test", address("93.184.216.34"), InetAddress.getLoopbackAddress());
    var clients = new GuardedClients(settings(), dns);
    HttpUrl endpoint = HttpUrl.get("http://rebind.test:" + server.port() + "/bucket");

    assertThat(clients.refusal(endpoint)).isEmpty();
    OkHttpClient client = clients.guard(new OkHttpClient.Builder(), endpoint).build();
    assertThatThrownBy(() -> get(client, endpoint))
        .isInstanceOf(IOException.class)
        .satisfies(
            e ->
                assertThat(GuardedClients.refusalIn(e))
                    .hasValue("the host rebind.test resolves to 127.0.0.1, a loopback address"));
    assertThat(server.requestCount()).isZero();
  }

  @Test
  void givenAnAllowlistedEndpoint_client_reachesItButNoOtherHostOrPort() throws IOException {
    var clients = new GuardedClients(settings(server.hostAndPort()));
    HttpUrl endpoint = HttpUrl.get(server.url("/"));
    OkHttpClient client = clients.guard(new OkHttpClient.Builder(), endpoint).build();

    assertThat(clients.refusal(endpoint)).isEmpty();
    try (Response response = get(client, HttpUrl.get(server.url("/bucket")))) {
      assertThat(response.body().bytes()).isEqualTo(CONTENT);
    }
    assertThatThrownBy(() -> get(client, HttpUrl.get(other.url("/bucket"))))
        .isInstanceOf(IOException.class)
        .satisfies(
            e ->
                assertThat(GuardedClients.refusalIn(e))
                    .hasValue("the host 127.0.0.1:" + other.port() + " is not allowlisted"));
    assertThat(other.requestCount()).isZero();
  }

  @Test
  void givenARedirect_client_returnsItWithoutFollowing() throws IOException {
    server.redirect("/moved", 302, other.url("/bucket"));
    var clients = new GuardedClients(settings(server.hostAndPort(), other.hostAndPort()));
    HttpUrl endpoint = HttpUrl.get(server.url("/"));
    OkHttpClient client = clients.guard(new OkHttpClient.Builder(), endpoint).build();

    try (Response response = get(client, HttpUrl.get(server.url("/moved")))) {
      assertThat(response.code()).isEqualTo(302);
    }
    assertThat(other.requestCount()).isZero();
  }

  private static Response get(OkHttpClient client, HttpUrl url) throws IOException {
    return client.newCall(new Request.Builder().url(url).build()).execute();
  }
}
