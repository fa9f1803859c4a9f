package org.modelregistry.adapter.http;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.modelregistry.application.CreateModelService;
import org.modelregistry.application.CreateTemplateService;
import org.modelregistry.application.DeleteModelService;
import org.modelregistry.application.DeleteTemplateService;
import org.modelregistry.application.GetModelService;
import org.modelregistry.application.GetTemplateService;
import org.modelregistry.application.ListModelsService;
import org.modelregistry.application.ListTemplatesService;
import org.modelregistry.application.UpdateModelService;
import org.modelregistry.domain.identity.Actor;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.identity.IdentityType;
import org.modelregistry.ports.in.RegistryUseCases;
import org.modelregistry.ports.out.IdGenerator;
import org.modelregistry.ports.out.TransactionRunner;
import org.modelregistry.ports.out.memory.InMemoryRegistryStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real server on a free port, wired to the real services over the in-memory stores and fakes
 * ({@link RegistrationWorld}), and a client for it. Creation stamps come from a clock that advances
 * one millisecond per reading, so every entity has its own creation time and list order is
 * predictable. Requests act as the settings' local identity unless sent through {@link #as}, which
 * names another user in the test-only {@link #USER_HEADER}.
 */
final class ApiFixture implements AutoCloseable {

  static final Actor LOCAL = new Actor("local-user", IdentityType.USER);
  static final Instant START = Instant.parse("2026-11-23T09:00:00.123456Z");
  static final JsonMapper JSON = JsonMapper.builder().build();

  /** The header a test sets to act as another user. */
  static final String USER_HEADER = "x-test-user";

  private final Javalin server;
  private final HttpClient client;
  private final URI base;
  private final RegistrationWorld registrations;
  private final WorkspaceWorld workspace;
  private final IdentityWorld identity;
  private final List<String> headers;

  private ApiFixture(
      Javalin server,
      HttpClient client,
      RegistrationWorld registrations,
      WorkspaceWorld workspace,
      IdentityWorld identity,
      List<String> headers) {
    this.server = server;
    this.client = client;
    this.base = URI.create("http://localhost:" + server.port());
    this.registrations = registrations;
    this.workspace = workspace;
    this.identity = identity;
    this.headers = List.copyOf(headers);
  }

  static ApiFixture start() {
    return start(HttpSettings.forLocalIdentity(LOCAL), UnaryOperator.identity());
  }

  static ApiFixture start(HttpSettings settings) {
    return start(settings, UnaryOperator.identity());
  }

  /** Starts with the real use cases, of which {@code adjust} may replace some. */
  static ApiFixture start(HttpSettings settings, UnaryOperator<RegistryUseCases> adjust) {
    Clock clock = new TickingClock(START);
    RegistrationWorld registrations = new RegistrationWorld(clock);
    WorkspaceWorld workspace = new WorkspaceWorld(clock);
    IdentityWorld identity = new IdentityWorld();
    Javalin server =
        HttpApi.create(
                settings,
                adjust.apply(realUseCases(clock, registrations, workspace, identity)),
                userHeaderOr(settings.localIdentity(), settings.localIdentityAdmin()))
            .start(0);
    return new ApiFixture(
        server, HttpClient.newHttpClient(), registrations, workspace, identity, List.of());
  }

  /**
   * Starts with the real use cases, every request authenticated by its API key ({@link
   * ApiKeyAuthentication}) on the identity world's clock, with this failure limit.
   */
  static ApiFixture startAuthenticated(int maxFailures, Duration window) {
    Clock clock = new TickingClock(START);
    RegistrationWorld registrations = new RegistrationWorld(clock);
    WorkspaceWorld workspace = new WorkspaceWorld(clock);
    IdentityWorld identity = new IdentityWorld();
    var authentication =
        new ApiKeyAuthentication(
            identity.useCases().authenticate(), identity.clock, maxFailures, window);
    Javalin server =
        HttpApi.create(
                HttpSettings.forLocalIdentity(LOCAL),
                realUseCases(clock, registrations, workspace, identity),
                authentication)
            .start(0);
    return new ApiFixture(
        server, HttpClient.newHttpClient(), registrations, workspace, identity, List.of());
  }

  /** The same server and client, acting as {@code userId}. */
  ApiFixture as(String userId) {
    return with(USER_HEADER, userId);
  }

  /** The same server and client, sending {@code name: value} with every request as well. */
  ApiFixture with(String name, String value) {
    var more = new ArrayList<>(headers);
    more.add(name);
    more.add(value);
    return new ApiFixture(server, client, registrations, workspace, identity, more);
  }

  /** The same server and client, presenting {@code key} in {@code x-api-key}. */
  ApiFixture withKey(String key) {
    return with(ApiKeyAuthentication.API_KEY_HEADER, key);
  }

  /** The server under test, for what only it knows (such as the routes it registered). */
  Javalin server() {
    return server;
  }

  /** The fakes behind identities, keys and the audit log. */
  IdentityWorld identity() {
    return identity;
  }

  /** The fakes behind the workspace routes. */
  WorkspaceWorld workspace() {
    return workspace;
  }

  /** The fakes behind the registration routes. */
  RegistrationWorld registrations() {
    return registrations;
  }

  /**
   * Test-only: the user the request names in {@link #USER_HEADER}, else {@code fallback}; everyone
   * an administrator when {@code admin}.
   */
  static IdentitySource userHeaderOr(Actor fallback, boolean admin) {
    return ctx -> {
      String named = ctx.header(USER_HEADER);
      return Caller.trusted(named == null ? fallback : new Actor(named, IdentityType.USER), admin);
    };
  }

  static RegistryUseCases realUseCases() {
    Clock clock = new TickingClock(START);
    return realUseCases(
        clock, new RegistrationWorld(clock), new WorkspaceWorld(clock), new IdentityWorld());
  }

  private static RegistryUseCases realUseCases(
      Clock clock,
      RegistrationWorld registrations,
      WorkspaceWorld workspace,
      IdentityWorld identity) {
    var store = new InMemoryRegistryStore();
    AtomicInteger counter = new AtomicInteger();
    IdGenerator ids = () -> "id-%04d".formatted(counter.incrementAndGet());
    TransactionRunner tx = TransactionRunner.direct();
    return new RegistryUseCases(
        new CreateTemplateService(store.templates(), TransactionRunner.direct(), ids, clock),
        new GetTemplateService(store.templates()),
        new ListTemplatesService(store.templates()),
        new DeleteTemplateService(store.templates()),
        new CreateModelService(store.models(), store.templates(), tx, ids, clock),
        new GetModelService(store.models()),
        new ListModelsService(store.models()),
        new UpdateModelService(store.models(), store.templates(), tx),
        new DeleteModelService(store.models()),
        registrations.useCases(),
        workspace.useCases(),
        identity.useCases());
  }

  Reply get(String path) {
    return send(request(path).GET());
  }

  Reply delete(String path) {
    return send(request(path).DELETE());
  }

  Reply post(String path, String json) {
    return send(request(path).header("Content-Type", "application/json").POST(ofString(json)));
  }

  Reply put(String path, String json) {
    return send(request(path).header("Content-Type", "application/json").PUT(ofString(json)));
  }

  Reply head(String path, String... headers) {
    return send("HEAD", path, BodyPublishers.noBody(), headers);
  }

  Reply patch(String path, String json) {
    return send(
        request(path).header("Content-Type", "application/json").method("PATCH", ofString(json)));
  }

  Reply send(String method, String path, BodyPublisher body, String... headers) {
    var builder = request(path).method(method, body);
    if (headers.length > 0) {
      builder.headers(headers);
    }
    return send(builder);
  }

  /** Creates a template from {@code json} and returns its id, failing unless it succeeds. */
  String createTemplate(String json) {
    return created(post("/v4/model-templates", json));
  }

  /** Creates a model from {@code json} and returns its id, failing unless it succeeds. */
  String createModel(String json) {
    return created(post("/v4/models", json));
  }

  private static String created(Reply reply) {
    if (reply.status() != 200) {
      throw new AssertionError("create failed: " + reply.status() + " " + reply.body());
    }
    return reply.json().get("id").stringValue();
  }

  /** The port the server under test listens on. */
  int port() {
    return base.getPort();
  }

  HttpRequest.Builder request(String path) {
    var builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(90));
    return headers.isEmpty() ? builder : builder.headers(headers.toArray(String[]::new));
  }

  /** Sends {@code request}; the answer must keep the served OpenAPI document's contract. */
  Reply send(HttpRequest.Builder request) {
    try {
      HttpRequest built = request.build();
      HttpResponse<byte[]> response = client.send(built, BodyHandlers.ofByteArray());
      OpenApiContract.shared()
          .check(
              built.method(),
              built.uri().getRawPath(),
              response.statusCode(),
              response.headers(),
              response.body());
      return new Reply(response.statusCode(), response.body(), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static BodyPublisher ofString(String json) {
    return BodyPublishers.ofString(json);
  }

  static JsonNode json(String text) {
    return JSON.readTree(text);
  }

  @Override
  public void close() {
    server.stop();
    registrations.close();
    client.close();
  }

  /** A response: status, raw body, headers. */
  record Reply(int status, byte[] bytes, java.net.http.HttpHeaders headers) {

    /** The body as UTF-8 text. */
    String body() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    JsonNode json() {
      return JSON.readTree(body());
    }

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    String contentType() {
      return headers.firstValue("Content-Type").orElse("");
    }
  }

  /** A clock that moves forward one millisecond each time it is read. */
  static final class TickingClock extends Clock {
    private final AtomicReference<Instant> now;

    TickingClock(Instant start) {
      this.now = new AtomicReference<>(start);
    }

    @Override
    public Instant instant() {
      return now.getAndUpdate(t -> t.plusMillis(1));
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
