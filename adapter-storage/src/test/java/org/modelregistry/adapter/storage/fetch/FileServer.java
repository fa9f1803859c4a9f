package org.modelregistry.adapter.storage.fetch;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A real HTTP server on 127.0.0.1 and a free port that serves what a test tells it to. */
final class FileServer implements AutoCloseable {

  /** What the server answers at one path. */
  interface Route {
    void answer(HttpExchange exchange) throws IOException;
  }

  /** One request as received: the raw path and query, and the headers. */
  record Received(String uri, Headers headers) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final Map<String, Route> routes = new ConcurrentHashMap<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();

  private FileServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  static FileServer start() {
    return new FileServer();
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** {@code 127.0.0.1:<port>}, as an allowlist entry. */
  String hostAndPort() {
    return "127.0.0.1:" + port();
  }

  /** An absolute URL on this server for {@code pathAndQuery} ("/m.bin?sig=x"). */
  String url(String pathAndQuery) {
    return "http://" + hostAndPort() + pathAndQuery;
  }

  FileServer route(String path, Route route) {
    routes.put(path, route);
    return this;
  }

  /** Serves {@code content} with a Content-Length. */
  FileServer file(String path, byte[] content) {
    return route(path, exchange -> send(exchange, 200, content, content.length));
  }

  /** Serves {@code content} in chunked transfer coding, without a Content-Length. */
  FileServer chunkedFile(String path, byte[] content) {
    return route(path, exchange -> send(exchange, 200, content, 0));
  }

  /**
   * Answers like a server that honours single ranges ({@code bytes=a-b}, {@code bytes=a-}): 206
   * with a Content-Range, or 416 for a range that starts at or after the end; 200 without a range.
   */
  static Route ranged(byte[] content) {
    return exchange -> {
      String range = exchange.getRequestHeaders().getFirst("Range");
      if (range == null) {
        send(exchange, 200, content, content.length);
        return;
      }
      String[] bounds = range.substring("bytes=".length()).split("-", -1);
      long first = Long.parseLong(bounds[0]);
      long last = bounds[1].isEmpty() ? content.length - 1 : Long.parseLong(bounds[1]);
      if (first >= content.length) {
        exchange.getResponseHeaders().set("Content-Range", "bytes */" + content.length);
        send(exchange, 416, new byte[0], -1);
        return;
      }
      last = Math.min(last, content.length - 1);
      byte[] part = java.util.Arrays.copyOfRange(content, (int) first, (int) last + 1);
      exchange
          .getResponseHeaders()
          .set("Content-Range", "bytes " + first + "-" + last + "/" + content.length);
      send(exchange, 206, part, part.length);
    };
  }

  FileServer status(String path, int status) {
    return route(path, exchange -> send(exchange, status, new byte[0], -1));
  }

  FileServer redirect(String path, int status, String location) {
    return route(
        path,
        exchange -> {
          exchange.getResponseHeaders().set("Location", location);
          send(exchange, status, new byte[0], -1);
        });
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  int requestCount() {
    return received.size();
  }

  static void send(HttpExchange exchange, int status, byte[] body, long length) throws IOException {
    exchange.sendResponseHeaders(status, length);
    try (var out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    received.add(new Received(exchange.getRequestURI().toString(), exchange.getRequestHeaders()));
    Route route = routes.get(exchange.getRequestURI().getPath());
    try (exchange) {
      if (route == null) {
        send(exchange, 404, new byte[0], -1);
      } else {
        route.answer(exchange);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
