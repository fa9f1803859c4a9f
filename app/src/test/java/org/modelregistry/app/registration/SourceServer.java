package org.modelregistry.app.registration;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP source of model files on 127.0.0.1, the JDK's own server. Paths:
 *
 * <ul>
 *   <li>{@code /files/<name>} serves the bytes given to {@link #put}, with Content-Length;
 *   <li>{@code /gated/<name>} the same, once {@link #gate} opens;
 *   <li>{@code /early-close/<name>} sends half the bytes chunked, then drops the connection;
 *   <li>{@code /short/<name>} announces the full length, sends half, then drops the connection;
 *   <li>{@code /redirect?to=<url>} answers 302 to the given URL;
 *   <li>anything else answers 404.
 * </ul>
 */
final class SourceServer implements AutoCloseable {

  private final HttpServer server;
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  private volatile CountDownLatch gate = new CountDownLatch(1);
  private final CountDownLatch gatedRequestArrived = new CountDownLatch(1);

  SourceServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::handle);
    server.start();
  }

  SourceServer put(String name, byte[] bytes) {
    files.put(name, bytes);
    return this;
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** {@code host:port} of this server, for the import allowlist. */
  String hostAndPort() {
    return "127.0.0.1:" + port();
  }

  String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  /** Lets every waiting {@code /gated/} request send its body. */
  void openGate() {
    gate.countDown();
  }

  /** Whether a {@code /gated/} request arrived within the deadline. */
  boolean awaitGatedRequest() throws InterruptedException {
    return gatedRequestArrived.await(20, TimeUnit.SECONDS);
  }

  int requestsFor(String path) {
    return requests.getOrDefault(path, new AtomicInteger()).get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    String[] parts = path.split("/", 3);
    String kind = parts.length > 1 ? parts[1] : "";
    byte[] bytes = parts.length > 2 ? files.get(parts[2]) : null;
    // Not try-with-resources: the dropping cases must not close the exchange, which would end the
    // body cleanly; a handler that throws makes the server drop the connection instead.
    {
      if (kind.equals("redirect")) {
        String to = exchange.getRequestURI().getQuery().substring("to=".length());
        exchange.getResponseHeaders().add("Location", to);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
        return;
      }
      if (bytes == null) {
        exchange.sendResponseHeaders(404, -1);
        exchange.close();
        return;
      }
      switch (kind) {
        case "files" -> send(exchange, bytes);
        case "gated" -> {
          gatedRequestArrived.countDown();
          try {
            gate.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
            return;
          }
          send(exchange, bytes);
        }
        case "early-close" -> {
          exchange.sendResponseHeaders(200, 0);
          OutputStream body = exchange.getResponseBody();
          body.write(bytes, 0, bytes.length / 2);
          body.flush();
          // Throwing makes the server drop the connection before the last chunk.
          throw new IOException("dropping the connection on purpose");
        }
        case "short" -> {
          exchange.sendResponseHeaders(200, bytes.length);
          OutputStream body = exchange.getResponseBody();
          body.write(bytes, 0, bytes.length / 2);
          body.flush();
          throw new IOException("dropping the connection on purpose");
        }
        default -> {
          exchange.sendResponseHeaders(404, -1);
          exchange.close();
        }
      }
    }
  }

  private static void send(HttpExchange exchange, byte[] bytes) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream body = exchange.getResponseBody()) {
      body.write(bytes);
    }
    exchange.close();
  }

  @Override
  public void close() {
    gate.countDown();
    server.stop(0);
  }
}
