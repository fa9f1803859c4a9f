package org.modelregistry.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A Hugging Face Hub for one private model repository on 127.0.0.1, the JDK's own server: the
 * revision, tree and resolve routes the registry reads, each requiring the bearer {@link #TOKEN}.
 * Every file is published as an LFS file with its SHA-256; resolve honours one byte range.
 */
final class FakeHub implements AutoCloseable {

  static final String TOKEN = "hf_test_token_never_shown";
  static final String COMMIT = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678";

  private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

  private final String repo;
  private final HttpServer server;
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> wholeDownloads = new ConcurrentHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();

  FakeHub(String repo) throws IOException {
    this.repo = repo;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::handle);
    server.start();
  }

  FakeHub put(String path, byte[] bytes) {
    files.put(path, bytes);
    return this;
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  String hostAndPort() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** How often the whole file at {@code path} was downloaded (not counting ranges). */
  int wholeDownloadsOf(String path) {
    return wholeDownloads.getOrDefault(path, new AtomicInteger()).get();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** How many requests reached this hub. */
  int requests() {
    return requests.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    try (exchange) {
      if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        send(exchange, 401, "{\"error\":\"Invalid credentials\"}".getBytes(StandardCharsets.UTF_8));
        return;
      }
      String path = exchange.getRequestURI().getPath();
      String api = "/api/models/" + repo;
      if (path.equals(api + "/revision/main") || path.equals(api + "/revision/" + COMMIT)) {
        send(exchange, 200, json("{\"id\":\"" + repo + "\",\"sha\":\"" + COMMIT + "\"}"));
      } else if (path.equals(api + "/tree/" + COMMIT)) {
        send(exchange, 200, json(tree()));
      } else if (path.startsWith("/" + repo + "/resolve/" + COMMIT + "/")) {
        String file = path.substring(("/" + repo + "/resolve/" + COMMIT + "/").length());
        resolve(exchange, file);
      } else {
        send(exchange, 404, json("{\"error\":\"Repository not found\"}"));
      }
    }
  }

  private String tree() {
    return new TreeMap<>(files)
        .entrySet().stream()
            .map(
                e ->
                    "{\"type\":\"file\",\"oid\":\"0000000000000000000000000000000000000000\","
                        + "\"size\":"
                        + e.getValue().length
                        + ",\"path\":\""
                        + e.getKey()
                        + "\",\"lfs\":{\"oid\":\""
                        + sha256(e.getValue())
                        + "\",\"size\":"
                        + e.getValue().length
                        + ",\"pointerSize\":134}}")
            .collect(Collectors.joining(",", "[", "]"));
  }

  private void resolve(HttpExchange exchange, String path) throws IOException {
    byte[] bytes = files.get(path);
    if (bytes == null) {
      send(exchange, 404, json("{\"error\":\"Entry not found\"}"));
      return;
    }
    String range = exchange.getRequestHeaders().getFirst("Range");
    Matcher m = range == null ? null : RANGE.matcher(range);
    if (m == null || !m.matches()) {
      wholeDownloads.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
      send(exchange, 200, bytes);
      return;
    }
    int first = Integer.parseInt(m.group(1));
    int last = m.group(2).isEmpty() ? bytes.length - 1 : Integer.parseInt(m.group(2));
    last = Math.min(last, bytes.length - 1);
    if (first >= bytes.length) {
      send(exchange, 416, new byte[0]);
      return;
    }
    exchange
        .getResponseHeaders()
        .set("Content-Range", "bytes " + first + "-" + last + "/" + bytes.length);
    byte[] slice = java.util.Arrays.copyOfRange(bytes, first, last + 1);
    send(exchange, 206, slice);
  }

  private static byte[] json(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
