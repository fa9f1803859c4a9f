package org.modelregistry.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local HTTP source on 127.0.0.1 and a random port: {@code GET /files/<name>} streams the file of
 * that name from one folder with its Content-Length, the way a plain static file server or an
 * object store would. Each request gets its own (virtual) thread, so concurrent downloads do not
 * queue behind each other.
 */
final class SourceServer implements AutoCloseable {

  private static final String PREFIX = "/files/";

  private final Path folder;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

  private SourceServer(Path folder, HttpServer server) {
    this.folder = folder;
    this.server = server;
  }

  /** Starts serving the regular files directly inside {@code folder}. */
  static SourceServer start(Path folder) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    SourceServer source = new SourceServer(folder.toAbsolutePath().normalize(), server);
    server.createContext(PREFIX, source::handle);
    server.setExecutor(source.executor);
    server.start();
    return source;
  }

  /** {@code 127.0.0.1:<port>}, the form the registry's import allowlist takes. */
  String hostAndPort() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** The URL of the served file {@code name}. */
  String url(String name) {
    return "http://" + hostAndPort() + PREFIX + name;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String name = exchange.getRequestURI().getPath().substring(PREFIX.length());
      Path file = folder.resolve(name).normalize();
      boolean head = exchange.getRequestMethod().equals("HEAD");
      if (!head && !exchange.getRequestMethod().equals("GET")) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      if (name.isEmpty()
          || name.contains("/")
          || !file.getParent().equals(folder)
          || !Files.isRegularFile(file)) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      long size = Files.size(file);
      exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
      if (head) {
        exchange.getResponseHeaders().set("Content-Length", Long.toString(size));
        exchange.sendResponseHeaders(200, -1);
        return;
      }
      // A positive length makes the server send Content-Length instead of chunked encoding.
      exchange.sendResponseHeaders(200, size == 0 ? -1 : size);
      try (OutputStream body = exchange.getResponseBody()) {
        Files.copy(file, body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    // Stops downloads still running (a failed run); close() would wait for them.
    executor.shutdownNow();
  }
}
