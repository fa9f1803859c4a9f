package org.modelregistry.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.modelregistry.application.operations.CheckReadinessService;
import org.modelregistry.ports.out.DependencyCheck;

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

  @Test
  void givenARequestInFlight_close_refusesNewConnectionsAndFinishesIt() throws Exception {
    var entered = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    DependencyCheck slow =
        DependencyCheck.of(
            "database",
            () -> {
              entered.countDown();
              awaitQuietly(release);
            });
    var operations =
        new Operations(
            new CheckReadinessService(
                List.of(slow), Clock.systemUTC(), Duration.ofSeconds(60), Duration.ZERO),
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService background = Executors.newVirtualThreadPerTaskExecutor()) {
      RunningHttpApi running =
          HttpApi.start(
              HttpSettings.forLocalIdentity(ApiFixture.LOCAL)
                  .withShutdownGrace(Duration.ofSeconds(30)),
              ApiFixture.realUseCases(),
              IdentitySource.fixed(ApiFixture.LOCAL),
              operations,
              "127.0.0.1",
              0);
      URI ready = URI.create("http://127.0.0.1:" + running.port() + "/readyz");
      URI health = URI.create("http://127.0.0.1:" + running.port() + "/healthz");
      var inFlight =
          client.sendAsync(HttpRequest.newBuilder(ready).build(), BodyHandlers.ofString());
      assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

      Future<?> stopping = background.submit(running::close);

      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      boolean refused = false;
      while (!refused && System.nanoTime() < deadline) {
        try {
          // A connection accepted just before the listener closed is answered 503 or not at all.
          var late =
              client.send(
                  HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(1)).build(),
                  BodyHandlers.ofString());
          refused = late.statusCode() == 503;
          Thread.sleep(20);
        } catch (IOException e) {
          refused = true;
        }
      }
      assertThat(refused).as("new connections refused while stopping").isTrue();
      assertThat(stopping).isNotDone();

      release.countDown();

      assertThat(inFlight.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      stopping.get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void givenAnIdleKeepAliveConnection_close_doesNotWaitForIt() throws Exception {
    try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService background = Executors.newVirtualThreadPerTaskExecutor()) {
      RunningHttpApi running =
          HttpApi.start(
              HttpSettings.forLocalIdentity(ApiFixture.LOCAL)
                  .withShutdownGrace(Duration.ofMinutes(5)),
              ApiFixture.realUseCases(),
              "127.0.0.1",
              0);
      URI health = URI.create("http://127.0.0.1:" + running.port() + "/healthz");
      assertThat(
              client
                  .send(HttpRequest.newBuilder(health).build(), BodyHandlers.ofString())
                  .statusCode())
          .isEqualTo(200);

      Future<?> stopping = background.submit(running::close);

      // Far below the grace: nothing was in flight, so nothing is waited for.
      stopping.get(20, TimeUnit.SECONDS);
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
