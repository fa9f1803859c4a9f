package org.modelregistry.adapter.http;

import io.javalin.Javalin;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A started HTTP API. Closing it stops gracefully: the port stops accepting connections, requests
 * arriving on connections already open answer 503, the requests in flight finish (for up to the
 * grace), and then the server stops. It can be closed more than once.
 */
public final class RunningHttpApi implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RunningHttpApi.class);

  private final Javalin server;
  private final Duration grace;
  private final AtomicBoolean closed = new AtomicBoolean();

  RunningHttpApi(Javalin server, Duration grace) {
    this.server = Objects.requireNonNull(server, "server");
    this.grace = Objects.requireNonNull(grace, "grace");
  }

  /** The port the server listens on (the chosen one when started on port 0). */
  public int port() {
    return server.port();
  }

  /** Drains and stops; a second caller waits until the first has stopped the server. */
  @Override
  public synchronized void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    // Jetty's own graceful stop also waits for idle keep-alive connections, or cuts requests that
    // are silent for a second (a ?wait, a slow source); draining by request count does neither.
    Server jetty = server.jettyServer().server();
    for (Connector connector : jetty.getConnectors()) {
      if (connector instanceof NetworkConnector network) {
        network.close();
      }
    }
    GracefulHandler inFlight = jetty.getDescendant(GracefulHandler.class);
    if (inFlight != null) {
      try {
        inFlight.shutdown().get(grace.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        LOG.warn(
            "{} request(s) still running after the {} s grace; stopping them",
            inFlight.getCurrentRequestCount(),
            grace.toSeconds());
      } catch (ExecutionException e) {
        LOG.warn("Waiting for the requests in flight failed; stopping", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    server.stop();
  }
}
