package org.modelregistry.adapter.http;

import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.security.Roles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.modelregistry.domain.identity.Identity;
import org.modelregistry.ports.in.IdentityUseCases;
import org.modelregistry.ports.in.RegistryUseCases;
import tools.jackson.databind.JsonNode;

/**
 * Every route the API registers, in every authentication state: no, malformed, unknown, revoked and
 * expired keys answer 401 with the Bearer challenge in the route family's error shape and nothing
 * more; a valid key gets past authentication. The table of routes must match what the running
 * server registers, so a new route fails here until it has a row. The public routes ({@link
 * RouteAccess#PUBLIC}: the API description) are the exception: they answer whatever is presented.
 * Every answer keeps the served OpenAPI document's contract ({@link OpenApiContract}).
 */
class AuthenticationMatrixTest {

  private static final String WELL_FORMED_UNKNOWN = "mr_AAAAAAAA_" + "A".repeat(43);

  /** Plausible values of the path parameters; a route with another parameter needs one here. */
  private static final Map<String, String> PATH_VALUES =
      Map.ofEntries(
          Map.entry("model_template_id", "tmpl-1"),
          Map.entry("model_id", "model-1"),
          Map.entry("name", "m1"),
          Map.entry("version", "1"),
          Map.entry("owner", "alice"),
          Map.entry("path", "weights/model.bin"),
          Map.entry("workspace", "ws-1"),
          Map.entry("model_name", "m1"),
          Map.entry("adapter", "lora-1"),
          Map.entry("id", "alice"),
          Map.entry("prefix", "ZZZZZZZZ"));

  private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}|<([^>]+)>");

  /** Every route of {@link HttpApi}, with the error shape its family answers in. */
  static final List<Route> ROUTES =
      withHeadTwins(
          plain("POST", "/v4/model-templates"),
          plain("GET", "/v4/model-templates"),
          plain("GET", "/v4/model-templates/{model_template_id}"),
          plain("DELETE", "/v4/model-templates/{model_template_id}"),
          plain("POST", "/v4/models"),
          plain("GET", "/v4/models"),
          plain("GET", "/v4/models/{model_id}"),
          plain("PATCH", "/v4/models/{model_id}"),
          plain("DELETE", "/v4/models/{model_id}"),
          registration("PUT", "/api/v1.0/model/{name}/{version}"),
          registration("GET", "/api/v1.0/model/{name}/{version}"),
          registration("PATCH", "/api/v1.0/model/{name}/{version}"),
          registration("DELETE", "/api/v1.0/model/{name}/{version}"),
          registration("GET", "/api/v1.0/model/{name}/{version}/{owner}"),
          registration("GET", "/api/v1.0/model/{name}"),
          registration("GET", "/api/v1.0/models"),
          registration("POST", "/api/add_models"),
          registration("GET", "/api/v1.0/model/{name}/{version}/files/<path>"),
          registration("HEAD", "/api/v1.0/model/{name}/{version}/files/<path>"),
          plain("POST", "/apis/models/v2/workspaces/{workspace}/models"),
          plain("GET", "/apis/models/v2/workspaces/{workspace}/models"),
          plain("GET", "/apis/models/v2/workspaces/{workspace}/models/{name}"),
          plain("PATCH", "/apis/models/v2/workspaces/{workspace}/models/{name}"),
          plain("DELETE", "/apis/models/v2/workspaces/{workspace}/models/{name}"),
          plain("POST", "/apis/models/v2/workspaces/{workspace}/models/{model_name}/adapters"),
          plain(
              "PATCH",
              "/apis/models/v2/workspaces/{workspace}/models/{model_name}/adapters/{adapter}"),
          plain(
              "DELETE",
              "/apis/models/v2/workspaces/{workspace}/models/{model_name}/adapters/{adapter}"),
          plain("POST", "/apis/files/v2/workspaces/{workspace}/filesets"),
          plain("GET", "/apis/files/v2/workspaces/{workspace}/filesets"),
          plain("GET", "/apis/files/v2/workspaces/{workspace}/filesets/{name}"),
          plain("PATCH", "/apis/files/v2/workspaces/{workspace}/filesets/{name}"),
          plain("DELETE", "/apis/files/v2/workspaces/{workspace}/filesets/{name}"),
          plain("GET", "/apis/files/v2/workspaces/{workspace}/filesets/{name}/files"),
          plain("PUT", "/apis/files/v2/workspaces/{workspace}/filesets/{name}/-/<path>"),
          plain("GET", "/apis/files/v2/workspaces/{workspace}/filesets/{name}/-/<path>"),
          plain("HEAD", "/apis/files/v2/workspaces/{workspace}/filesets/{name}/-/<path>"),
          plain("DELETE", "/apis/files/v2/workspaces/{workspace}/filesets/{name}/-/<path>"),
          plain("POST", "/admin/identities"),
          plain("GET", "/admin/identities"),
          plain("PATCH", "/admin/identities/{id}"),
          plain("POST", "/admin/identities/{id}/keys"),
          plain("GET", "/admin/identities/{id}/keys"),
          plain("DELETE", "/admin/keys/{prefix}"),
          plain("GET", "/admin/audit"));

  /**
   * {@code routes} and, for each GET without a HEAD of its own, a HEAD of the same path: the server
   * answers HEAD with the GET handler, so that it tells what GET would.
   */
  private static List<Route> withHeadTwins(Route... routes) {
    List<Route> all = new java.util.ArrayList<>(List.of(routes));
    for (Route route : routes) {
      Route head = new Route("HEAD", route.path(), route.family());
      if (route.method().equals("GET") && !all.contains(head)) {
        all.add(head);
      }
    }
    return List.copyOf(all);
  }

  private static IdentityWorld identity;
  private static Javalin server;
  private static HttpClient client;
  private static Map<AuthState, String> keys;

  @BeforeAll
  static void start() {
    identity = new IdentityWorld();
    var authentication =
        new ApiKeyAuthentication(
            identity.useCases().authenticate(), identity.clock, 100_000, Duration.ofMinutes(1));
    RegistryUseCases real = ApiFixture.realUseCases();
    server =
        HttpApi.create(
                HttpSettings.forLocalIdentity(ApiFixture.LOCAL),
                withIdentities(real, identity.useCases()),
                authentication)
            .start(0);
    client = HttpClient.newHttpClient();

    Identity root = identity.store("root", true);
    String valid = identity.keyFor(root);
    String revoked = identity.keyFor(root);
    // The last working key of the last administrator cannot be revoked; this one is not that.
    identity.useCases().revokeKey().revoke(root, revoked.substring(3, 11));
    String expired = identity.keyFor(root, Duration.ofHours(1));
    identity.clock.advance(Duration.ofHours(1));
    keys =
        Map.of(
            AuthState.MALFORMED_KEY, "not-an-api-key",
            AuthState.UNKNOWN_KEY, WELL_FORMED_UNKNOWN,
            AuthState.REVOKED_KEY, revoked,
            AuthState.EXPIRED_KEY, expired,
            AuthState.VALID_KEY, valid);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop();
    }
    if (client != null) {
      client.close();
    }
  }

  @Test
  void givenRunningServer_registeredRoutes_areExactlyTheTable() {
    List<String> registered =
        registeredEndpoints(false).stream()
            .map(endpoint -> endpoint.method.name() + " " + endpoint.path)
            .toList();

    assertThat(registered)
        .containsExactlyInAnyOrderElementsOf(ROUTES.stream().map(Route::toString).toList());
  }

  /**
   * The public routes are exempt from the table: authentication lets their paths through before
   * routing, so the routes with the role and the path set it recognises must be the same.
   */
  @Test
  void givenRunningServer_publicRoutes_areExactlyThePublicPaths() {
    Set<String> publicPaths =
        registeredEndpoints(true).stream().map(endpoint -> endpoint.path).collect(toSet());
    assertThat(publicPaths).isEqualTo(RouteAccess.PUBLIC_PATHS);
    assertThat(registeredEndpoints(false))
        .noneMatch(endpoint -> RouteAccess.PUBLIC_PATHS.contains(endpoint.path));
  }

  @ParameterizedTest(name = "{0} {1}: {2}")
  @MethodSource("publicCases")
  void givenAnyOrNoKey_publicRoute_answers200(String method, String path, AuthState state) {
    Answer answer =
        send(new Route(method, path, ErrorFamily.TEMPLATES_AND_MODELS), keys.get(state));

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.challenge()).isNull();
  }

  static Stream<Arguments> publicCases() {
    return registeredEndpoints(true).stream()
        .flatMap(
            endpoint ->
                Stream.of(AuthState.values())
                    .map(state -> Arguments.of(endpoint.method.name(), endpoint.path, state)));
  }

  /** The HTTP routes the server registers, with the public role or without it. */
  private static List<Endpoint> registeredEndpoints(boolean publicRole) {
    return server.unsafe.internalRouter.allHttpHandlers().stream()
        .map(parsed -> parsed.endpoint)
        .filter(endpoint -> endpoint.method.isHttpMethod())
        .filter(endpoint -> isPublic(endpoint) == publicRole)
        .toList();
  }

  private static boolean isPublic(Endpoint endpoint) {
    Roles roles = endpoint.metadata(Roles.class);
    return roles != null && roles.getRoles().contains(RouteAccess.PUBLIC);
  }

  @Test
  void givenTable_everyConcretePath_reachesItsOwnRoute() {
    assertThat(ROUTES)
        .allSatisfy(
            route -> {
              assertThat(route.concretePath()).doesNotContain("{", "}", "<", ">");
              assertThat(
                      server.unsafe.internalRouter.findFirstHttpHandlerEntry(
                              HandlerType.findOrCreate(route.method()), route.concretePath())
                          .endpoint
                          .path)
                  .isEqualTo(route.path());
            });
  }

  @ParameterizedTest(name = "{1}: {0}")
  @MethodSource("refusedCases")
  void givenNoValidKey_anyRoute_answers401WithChallengeAndOnlyTheError(
      Route route, AuthState state) {
    Answer answer = send(route, keys.get(state));

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.challenge()).startsWith("Bearer");
    if (route.method().equals("HEAD")) {
      assertThat(answer.body()).isEmpty();
      return;
    }
    JsonNode body = ApiFixture.json(answer.body());
    if (route.family() == ErrorFamily.REGISTRATION) {
      assertThat(body.propertyNames()).containsExactlyInAnyOrder("status", "error", "message");
      assertThat(body.get("status").intValue()).isEqualTo(401);
      assertThat(body.get("error").stringValue()).isEqualTo("unauthorized");
      assertThat(body.get("message").isString()).isTrue();
    } else {
      assertThat(body.propertyNames()).containsExactly("detail");
      assertThat(body.get("detail").isString()).isTrue();
    }
    if (state.presentsKey()) {
      assertThat(answer.body()).doesNotContain(keys.get(state));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void givenValidKey_anyRoute_passesAuthentication(Route route) {
    Answer answer = send(route, keys.get(AuthState.VALID_KEY));

    assertThat(answer.status()).as(answer.body()).isNotIn(401, 429);
    assertThat(answer.challenge()).isNull();
  }

  static Stream<Route> routes() {
    return ROUTES.stream();
  }

  static Stream<Arguments> refusedCases() {
    return ROUTES.stream()
        .flatMap(
            route ->
                Stream.of(AuthState.values())
                    .filter(state -> state != AuthState.VALID_KEY)
                    .map(state -> Arguments.of(route, state)));
  }

  private static Answer send(Route route, String key) {
    var request =
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + server.port() + route.concretePath()))
            .timeout(Duration.ofSeconds(30));
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    if (List.of("POST", "PUT", "PATCH").contains(route.method())) {
      request
          .header("Content-Type", "application/json")
          .method(route.method(), BodyPublishers.ofString("{}"));
    } else {
      request.method(route.method(), BodyPublishers.noBody());
    }
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
      return new Answer(
          response.statusCode(),
          new String(response.body(), StandardCharsets.UTF_8),
          response.headers().firstValue("WWW-Authenticate").orElse(null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static RegistryUseCases withIdentities(RegistryUseCases u, IdentityUseCases identities) {
    return new RegistryUseCases(
        u.createTemplate(),
        u.getTemplate(),
        u.listTemplates(),
        u.deleteTemplate(),
        u.createModel(),
        u.getModel(),
        u.listModels(),
        u.updateModel(),
        u.deleteModel(),
        u.registration(),
        u.workspace(),
        identities);
  }

  private static Route plain(String method, String path) {
    return new Route(method, path, ErrorFamily.TEMPLATES_AND_MODELS);
  }

  private static Route registration(String method, String path) {
    return new Route(method, path, ErrorFamily.REGISTRATION);
  }

  /** What a request presents; every state but the last must be refused. */
  enum AuthState {
    NO_KEY,
    MALFORMED_KEY,
    UNKNOWN_KEY,
    REVOKED_KEY,
    EXPIRED_KEY,
    VALID_KEY;

    boolean presentsKey() {
      return this != NO_KEY;
    }
  }

  /** One registered method and path template, and the error family it answers in. */
  record Route(String method, String path, ErrorFamily family) {

    /** The path with every parameter replaced by its plausible value. */
    String concretePath() {
      Matcher matcher = PATH_PARAMETER.matcher(path);
      StringBuilder concrete = new StringBuilder();
      while (matcher.find()) {
        String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
        matcher.appendReplacement(
            concrete, Matcher.quoteReplacement(PATH_VALUES.getOrDefault(name, matcher.group())));
      }
      matcher.appendTail(concrete);
      return concrete.toString();
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  private record Answer(int status, String body, String challenge) {}
}
