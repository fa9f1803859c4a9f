package org.modelregistry.adapter.storage.external;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A Hugging Face Hub on 127.0.0.1 serving one model repository the way the real one does: the
 * revision, tree (paginated with {@code Link} headers) and resolve endpoints, byte ranges, a token
 * for private repositories, and large (LFS) files redirected to a CDN at {@code localhost} on the
 * same port, which must never see the token. Tests can replace any path's answer.
 */
final class FakeHub implements AutoCloseable {

  /** One request as received. */
  record Received(
      String host, String rawPath, String rawQuery, String authorization, String range) {}

  /** An answer for one raw path, replacing the hub's. */
  interface Route {
    void answer(HttpExchange exchange) throws IOException;
  }

  private record File(byte[] content, boolean large) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Map<String, File> files = new ConcurrentHashMap<>();
  private final Map<String, String> branches = new ConcurrentHashMap<>();
  private final Map<String, Route> routes = new ConcurrentHashMap<>();
  private final List<String> extraEntries = new CopyOnWriteArrayList<>();
  private volatile String repoId = "org/model";
  private volatile String token;
  private volatile int pageSize = 1000;

  private FakeHub() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  static FakeHub start() {
    return new FakeHub();
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** The endpoint to name in storages. */
  String endpoint() {
    return "http://127.0.0.1:" + port();
  }

  /** The allowlist entries the hub and its CDN need. */
  String[] allowedHosts() {
    return new String[] {"127.0.0.1:" + port(), "localhost:" + port()};
  }

  FakeHub repository(String id) {
    this.repoId = id;
    return this;
  }

  FakeHub branch(String name, String commit) {
    branches.put(name, commit);
    return this;
  }

  /** A file kept in git, listed with its blob id. */
  FakeHub file(String path, byte[] content) {
    files.put(path, new File(content, false));
    return this;
  }

  /** A file kept in LFS, listed with its SHA-256 and served through the CDN. */
  FakeHub largeFile(String path, byte[] content) {
    files.put(path, new File(content, true));
    return this;
  }

  /** Makes the repository private: every request needs this bearer token. */
  FakeHub privateWithToken(String token) {
    this.token = token;
    return this;
  }

  FakeHub pageSize(int entries) {
    this.pageSize = entries;
    return this;
  }

  /** An entry listed as it is, after the real ones (for paths the registry cannot take). */
  FakeHub extraEntry(String json) {
    extraEntries.add(json);
    return this;
  }

  FakeHub route(String rawPath, Route route) {
    routes.put(rawPath, route);
    return this;
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  /** The received requests to {@code rawPath}. */
  List<Received> receivedAt(String rawPath) {
    return received.stream().filter(r -> r.rawPath().equals(rawPath)).toList();
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  static String gitOid(byte[] content) {
    try {
      var digest = MessageDigest.getInstance("SHA-1");
      digest.update(("blob " + content.length + "\0").getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(digest.digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  // ---- the hub ------------------------------------------------------------------------------

  private void handle(HttpExchange exchange) throws IOException {
    String rawPath = exchange.getRequestURI().getRawPath();
    String host = exchange.getRequestHeaders().getFirst("Host");
    received.add(
        new Received(
            host == null ? "" : host.substring(0, host.lastIndexOf(':')),
            rawPath,
            exchange.getRequestURI().getRawQuery(),
            exchange.getRequestHeaders().getFirst("Authorization"),
            exchange.getRequestHeaders().getFirst("Range")));
    try (exchange) {
      Route route = routes.get(rawPath);
      if (route != null) {
        route.answer(exchange);
        return;
      }
      List<String> segments =
          Arrays.stream(rawPath.substring(1).split("/", -1))
              .map(s -> URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8))
              .toList();
      if (segments.getFirst().equals("cdn")) {
        cdn(exchange, segments.get(1));
        return;
      }
      if (token != null
          && !("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        json(exchange, 401, "{\"error\":\"Invalid credentials\"}");
        return;
      }
      int repoParts = repoId.split("/").length;
      boolean api = segments.getFirst().equals("api") && segments.get(1).equals("models");
      List<String> rest = api ? segments.subList(2, segments.size()) : segments;
      if (rest.size() <= repoParts
          || !String.join("/", rest.subList(0, repoParts)).equals(repoId)) {
        json(exchange, 404, "{\"error\":\"Repository not found\"}");
        return;
      }
      String action = rest.get(repoParts);
      List<String> tail = rest.subList(repoParts + 1, rest.size());
      String commit = tail.isEmpty() ? null : commitOf(tail.getFirst());
      if (commit == null) {
        json(exchange, 404, "{\"error\":\"Revision not found\"}");
        return;
      }
      String path = String.join("/", tail.subList(1, tail.size()));
      switch (action) {
        case "revision" ->
            json(exchange, 200, "{\"id\":\"" + repoId + "\",\"sha\":\"" + commit + "\"}");
        case "tree" -> tree(exchange, path);
        case "resolve" -> resolve(exchange, path);
        default -> json(exchange, 404, "{}");
      }
    }
  }

  private String commitOf(String revision) {
    if (branches.containsKey(revision)) {
      return branches.get(revision);
    }
    return branches.containsValue(revision) ? revision : null;
  }

  private void tree(HttpExchange exchange, String folder) throws IOException {
    String query = exchange.getRequestURI().getRawQuery();
    boolean recursive = query != null && query.contains("recursive=true");
    int cursor = 0;
    if (query != null && query.contains("cursor=")) {
      cursor = Integer.parseInt(query.substring(query.indexOf("cursor=") + 7).split("&")[0]);
    }
    TreeMap<String, String> entries = new TreeMap<>();
    TreeSet<String> folders = new TreeSet<>();
    String prefix = folder.isEmpty() ? "" : folder + "/";
    for (var file : files.entrySet()) {
      String path = file.getKey();
      if (!path.startsWith(prefix)) {
        continue;
      }
      String below = path.substring(prefix.length());
      String[] parts = below.split("/");
      for (int i = 1; i < parts.length && (recursive || i == 1); i++) {
        folders.add(prefix + String.join("/", Arrays.copyOf(parts, i)));
      }
      if (recursive || parts.length == 1) {
        entries.put(path, entry(path, file.getValue()));
      }
    }
    if (entries.isEmpty() && folders.isEmpty() && !folder.isEmpty()) {
      json(exchange, 404, "{\"error\":\"Entry not found\"}");
      return;
    }
    for (String path : folders) {
      entries.put(
          path,
          "{\"type\":\"directory\",\"oid\":\""
              + "0".repeat(40)
              + "\",\"size\":0,\"path\":\""
              + path
              + "\"}");
    }
    List<String> all = new ArrayList<>(entries.values());
    if (folder.isEmpty()) {
      all.addAll(extraEntries);
    }
    int end = Math.min(all.size(), cursor + pageSize);
    if (end < all.size()) {
      String next =
          "http://127.0.0.1:"
              + port()
              + exchange.getRequestURI().getRawPath()
              + "?"
              + (recursive ? "recursive=true&" : "")
              + "cursor="
              + end;
      exchange.getResponseHeaders().set("Link", "<" + next + ">; rel=\"next\"");
    }
    json(exchange, 200, "[" + String.join(",", all.subList(cursor, end)) + "]");
  }

  private static String entry(String path, File file) {
    String json =
        "{\"type\":\"file\",\"oid\":\""
            + gitOid(
                file.large()
                    ? ("version https://git-lfs...").getBytes(StandardCharsets.UTF_8)
                    : file.content())
            + "\",\"size\":"
            + file.content().length
            + ",\"path\":\""
            + path
            + "\"";
    if (file.large()) {
      json +=
          ",\"lfs\":{\"oid\":\""
              + sha256(file.content())
              + "\",\"size\":"
              + file.content().length
              + ",\"pointerSize\":134}";
    }
    return json + "}";
  }

  private void resolve(HttpExchange exchange, String path) throws IOException {
    File file = files.get(path);
    if (file == null) {
      json(exchange, 404, "{\"error\":\"Entry not found\"}");
      return;
    }
    if (file.large()) {
      exchange
          .getResponseHeaders()
          .set(
              "Location",
              "http://localhost:"
                  + port()
                  + "/cdn/"
                  + sha256(file.content())
                  + "?X-Amz-Signature=s");
      exchange.sendResponseHeaders(302, -1);
      return;
    }
    ranged(exchange, file.content());
  }

  private void cdn(HttpExchange exchange, String sha256) throws IOException {
    for (File file : files.values()) {
      if (file.large() && sha256(file.content()).equals(sha256)) {
        ranged(exchange, file.content());
        return;
      }
    }
    exchange.sendResponseHeaders(404, -1);
  }

  private static void ranged(HttpExchange exchange, byte[] content) throws IOException {
    String range = exchange.getRequestHeaders().getFirst("Range");
    if (range == null) {
      send(exchange, 200, content);
      return;
    }
    String[] bounds = range.substring("bytes=".length()).split("-", -1);
    int first = Integer.parseInt(bounds[0]);
    int last = bounds[1].isEmpty() ? content.length - 1 : Integer.parseInt(bounds[1]);
    if (first >= content.length) {
      exchange.getResponseHeaders().set("Content-Range", "bytes */" + content.length);
      exchange.sendResponseHeaders(416, -1);
      return;
    }
    last = Math.min(last, content.length - 1);
    exchange
        .getResponseHeaders()
        .set("Content-Range", "bytes " + first + "-" + last + "/" + content.length);
    send(exchange, 206, Arrays.copyOfRange(content, first, last + 1));
  }

  static void json(HttpExchange exchange, int status, String body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    send(exchange, status, body.getBytes(StandardCharsets.UTF_8));
  }

  static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      exchange.getResponseBody().write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
