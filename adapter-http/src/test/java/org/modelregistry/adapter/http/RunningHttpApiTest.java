package org.modelregistry.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import org.junit.jupiter.api.Test;

class RunningHttpApiTest {

  @Test
  void givenStartOnPortZero_request_isServedUntilClosed() throws Exception {
    try (HttpClient client = HttpClient.newHttpClient()) {
      URI uri;
      try (RunningHttpApi running =
          HttpApi.start(
              HttpSettings.forLocalIdentity(ApiFixture.LOCAL),
              ApiFixture.realUseCases(),
              "127.0.0.1",
              0)) {
        assertThat(running.port()).isPositive();
        uri = URI.create("http://127.0.0.1:" + running.port() + "/v4/models");

        var response = client.send(HttpRequest.newBuilder(uri).build(), BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"total_item_count\":0");
      }

      assertThatThrownBy(
              () -> client.send(HttpRequest.newBuilder(uri).build(), BodyHandlers.ofString()))
          .isInstanceOf(IOException.class);
    }
  }
}
