package org.modelregistry.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modelregistry.adapter.http.AuthorizationMatrixTest.Caller.ADMIN;
import static org.modelregistry.adapter.http.AuthorizationMatrixTest.Caller.ANONYMOUS;
import static org.modelregistry.adapter.http.AuthorizationMatrixTest.Caller.OUTSIDER;
import static org.modelregistry.adapter.http.AuthorizationMatrixTest.Caller.OWNER;
import static org.modelregistry.adapter.http.AuthorizationMatrixTest.Caller.TEAMMATE;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.modelregistry.adapter.http.ApiFixture.Reply;
import org.modelregistry.domain.registration.TestRegistrations;
import org.modelregistry.ports.in.RegistryUseCases;
import tools.jackson.databind.JsonNode;

/**
 * Who may see and change what, once a request is authenticated: every route family answered for an
 * owner, a teammate (same account and workspace, created nothing), an outsider (another account and
 * workspace) and an administrator (member of nothing), against data the owner created through the
 * API. Resources an outsider may not see answer 404 as if they did not exist, lists leave them out,
 * refused changes change nothing; creating in someone else's account or workspace answers 403. A
 * second server with anonymous public reads on shows what a request without a key may read.
 *
 * <p>{@link AuthenticationMatrixTest} covers authentication (who the caller is); this class covers
 * authorization (what that caller may do), so that a route cannot leak another tenant's data
 * unnoticed. Every answer keeps the served OpenAPI document's contract ({@link OpenApiContract}).
 */
class AuthorizationMatrixTest {

  // --- who

  static final String ACME = "acme";
  static final String GLOBEX = "globex";
  static final String WS_ACME = "ws-acme";
  static final String WS_GLOBEX = "ws-globex";
  static final String OWNER_ID = "acme-owner";

  /** A well-formed key that was never issued. */
  static final String UNKNOWN_KEY = "mr_AAAAAAAA_" + "A".repeat(43);

  // --- what the owner created (every name carries "acme", so that a leak shows in a raw body)

  static final String TEMPLATE_NAME = "acme-template";
  static final String MODEL_NAME = "acme-model";
  static final String FILE_CONTENT = "acme weights, not for outsiders";

  static final String TEMPLATES = "/v4/model-templates";
  static final String TEMPLATE = TEMPLATES + "/{template}";

  /** A template no model uses: nothing but authorization keeps it from being deleted. */
  static final String SPARE_TEMPLATE = TEMPLATES + "/{spare-template}";

  static final String MODELS = "/v4/models";
  static final String MODEL = MODELS + "/{model}";

  /** A file of every registered version (the versions use the shared full registration body). */
  static final String REGISTERED_FILE = "index.md";

  static final String SECRET = "/api/v1.0/model/secret-model/1";
  static final String SECRET_OF_OWNER = SECRET + "/" + OWNER_ID;
  static final String SECRET_FILE = SECRET + "/files/" + REGISTERED_FILE;

  /** The private version addressed for a change by someone else (an administrator). */
  static final String SECRET_BY_OWNER = SECRET + "?owner=" + OWNER_ID;

  static final String SECRET_FILE_OF_OWNER = SECRET_FILE + "?owner=" + OWNER_ID;
  static final String OPEN = "/api/v1.0/model/open-model/1";
  static final String OPEN_FILE = OPEN + "/files/" + REGISTERED_FILE;
  static final String REGISTERED = "/api/v1.0/models";

  /** The versions of the private model's name, as a list. */
  static final String SECRET_VERSIONS = "/api/v1.0/model/secret-model";

  static final String WS_MODELS = "/apis/models/v2/workspaces/" + WS_ACME + "/models";
  static final String ENTITY = WS_MODELS + "/acme-entity";
  static final String ADAPTERS = ENTITY + "/adapters";
  static final String ADAPTER = ADAPTERS + "/acme-lora";
  static final String WS_FILESETS = "/apis/files/v2/workspaces/" + WS_ACME + "/filesets";
  static final String FILESET = WS_FILESETS + "/acme-weights";
  static final String FILESET_FILES = FILESET + "/files";
  static final String FILESET_FILE = FILESET + "/-/acme-config.json";

  /** A fileset nothing uses: nothing but authorization keeps it from being deleted. */
  static final String SPARE_FILESET = WS_FILESETS + "/acme-spare";

  private static World world;

  @BeforeAll
  static void start() {
    world = World.start(false);
  }

  @AfterAll
  static void stop() {
    if (world != null) {
      world.close();
    }
  }

  // --- reads: status per caller

  static Stream<Call> reads() {
    return Stream.of(
        // templates and models: scoped by account
        call(OWNER, "GET", TEMPLATE, 200),
        call(TEAMMATE, "GET", TEMPLATE, 200),
        call(ADMIN, "GET", TEMPLATE, 200),
        call(OUTSIDER, "GET", TEMPLATE, 404),
        call(OWNER, "GET", MODEL, 200),
        call(TEAMMATE, "GET", MODEL, 200),
        call(ADMIN, "GET", MODEL, 200),
        call(OUTSIDER, "GET", MODEL, 404),
        // registration: a private version is its owner's and the administrators' only
        call(OWNER, "GET", SECRET, 200),
        call(OWNER, "GET", SECRET_OF_OWNER, 200),
        call(ADMIN, "GET", SECRET_OF_OWNER, 200),
        call(TEAMMATE, "GET", SECRET, 404),
        call(TEAMMATE, "GET", SECRET_OF_OWNER, 404),
        call(OUTSIDER, "GET", SECRET, 404),
        call(OUTSIDER, "GET", SECRET_OF_OWNER, 404),
        call(OWNER, "GET", SECRET_FILE, 200),
        call(OWNER, "HEAD", SECRET_FILE, 200),
        call(ADMIN, "GET", SECRET_FILE_OF_OWNER, 200),
        call(ADMIN, "HEAD", SECRET_FILE_OF_OWNER, 200),
        call(TEAMMATE, "GET", SECRET_FILE_OF_OWNER, 404),
        call(OUTSIDER, "GET", SECRET_FILE, 404),
        call(OUTSIDER, "GET", SECRET_FILE_OF_OWNER, 404),
        call(OUTSIDER, "HEAD", SECRET_FILE, 404),
        call(OUTSIDER, "HEAD", SECRET_FILE_OF_OWNER, 404),
        // registration: a public version is everyone's to read
        call(OUTSIDER, "GET", OPEN, 200),
        call(OUTSIDER, "GET", OPEN_FILE, 200),
        call(TEAMMATE, "GET", OPEN, 200),
        // workspace: members and administrators only
        call(OWNER, "GET", ENTITY, 200),
        call(TEAMMATE, "GET", ENTITY, 200),
        call(ADMIN, "GET", ENTITY, 200),
        call(OUTSIDER, "GET", ENTITY, 404),
        call(OWNER, "GET", FILESET, 200),
        call(TEAMMATE, "GET", FILESET, 200),
        call(ADMIN, "GET", FILESET, 200),
        call(OUTSIDER, "GET", FILESET, 404),
        call(TEAMMATE, "GET", WS_MODELS, 200),
        call(ADMIN, "GET", WS_MODELS, 200),
        call(OUTSIDER, "GET", WS_MODELS, 200),
        call(TEAMMATE, "GET", WS_FILESETS, 200),
        call(ADMIN, "GET", WS_FILESETS, 200),
        call(OUTSIDER, "GET", WS_FILESETS, 200),
        call(OWNER, "GET", FILESET_FILE, 200),
        call(TEAMMATE, "GET", FILESET_FILE, 200),
        call(ADMIN, "GET", FILESET_FILE, 200),
        call(TEAMMATE, "HEAD", FILESET_FILE, 200),
        call(OUTSIDER, "GET", FILESET_FILE, 404),
        call(OUTSIDER, "HEAD", FILESET_FILE, 404),
        call(TEAMMATE, "GET", FILESET_FILES, 200),
        call(ADMIN, "GET", FILESET_FILES, 200),
        call(OUTSIDER, "GET", FILESET_FILES, 404),
        // lists: answered to everyone, holding only what the caller may see (checked below)
        call(OUTSIDER, "GET", TEMPLATES, 200),
        call(OWNER, "GET", TEMPLATES, 200),
        call(OUTSIDER, "GET", MODELS, 200),
        call(TEAMMATE, "GET", MODELS, 200),
        call(OUTSIDER, "GET", REGISTERED, 200),
        call(OWNER, "GET", REGISTERED, 200),
        call(OUTSIDER, "GET", SECRET_VERSIONS, 200),
        call(OWNER, "GET", SECRET_VERSIONS, 200),
        call(OWNER, "GET", WS_MODELS, 200),
        call(OWNER, "GET", WS_FILESETS, 200),
        // admin routes: administrators only (a caller's own keys aside)
        call(ADMIN, "GET", "/admin/identities", 200),
        call(OUTSIDER, "GET", "/admin/identities", 403),
        call(OWNER, "GET", "/admin/audit", 403),
        call(TEAMMATE, "GET", "/admin/identities/" + OWNER_ID + "/keys", 403),
        call(OUTSIDER, "GET", "/admin/identities/" + OWNER_ID + "/keys", 403),
        call(OUTSIDER, "GET", "/admin/audit", 403),
        call(ADMIN, "GET", "/admin/audit", 200),
        call(ADMIN, "GET", "/admin/identities/" + OWNER_ID + "/keys", 200),
        call(OWNER, "GET", "/admin/identities/" + OWNER_ID + "/keys", 200));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reads")
  void read_answersByWhoAsks(Call call) {
    Reply reply = world.send(call);

    assertThat(reply.status()).as(reply.body()).isEqualTo(call.status());
  }

  /** Every GET row asked with HEAD: the same status, headers only. */
  static Stream<Call> headsOfReads() {
    return reads()
        .filter(c -> c.method().equals("GET"))
        .map(c -> call(c.caller(), "HEAD", c.path(), c.status()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("headsOfReads")
  void headMirrorsGet(Call call) {
    Reply reply = world.send(call);

    assertThat(reply.status()).isEqualTo(call.status());
    assertThat(reply.body()).isEmpty();
  }

  @Test
  void givenKeyInXApiKey_v4Routes_authorizeTheSameAsWithBearer() {
    Reply owners =
        world.sendWithHeader(OWNER, ApiKeyAuthentication.API_KEY_HEADER, "GET", TEMPLATE);
    Reply outsiders =
        world.sendWithHeader(OUTSIDER, ApiKeyAuthentication.API_KEY_HEADER, "GET", MODEL);

    assertThat(owners.status()).as(owners.body()).isEqualTo(200);
    assertThat(owners.json().get("name").stringValue()).isEqualTo(TEMPLATE_NAME);
    assertThat(outsiders.status()).as(outsiders.body()).isEqualTo(404);
  }

  /** A 404 that hides a resource must not differ from the 404 of one that does not exist. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        TEMPLATE + "|no-such-template",
        MODEL + "|no-such-model",
        SECRET_OF_OWNER + "|no-such-model",
        ENTITY + "|no-such-entity",
        FILESET + "|no-such-fileset",
      })
  void givenOutsider_hiddenAndMissingResources_answerAlike(String pathAndMissing) {
    String path = world.resolve(pathAndMissing.split("\\|")[0]);
    String hiddenName = lastOrNamedSegment(path);
    String missingName = pathAndMissing.split("\\|")[1];
    String missingPath = path.replace(hiddenName, missingName);

    Reply hidden = world.send(OUTSIDER, "GET", path, null);
    Reply missing = world.send(OUTSIDER, "GET", missingPath, null);

    assertThat(hidden.status()).as(hidden.body()).isEqualTo(404);
    assertThat(missing.status()).as(missing.body()).isEqualTo(404);
    assertThat(hidden.body().replace(hiddenName, "<name>"))
        .isEqualTo(missing.body().replace(missingName, "<name>"));
  }

  // --- lists: what each caller's list shows

  @ParameterizedTest(name = "outsider GET {0}")
  @ValueSource(
      strings = {
        TEMPLATES,
        TEMPLATES + "?account_id=" + ACME,
        MODELS,
        MODELS + "?account_id=" + ACME,
        WS_MODELS,
        WS_FILESETS,
      })
  void givenOutsider_listsOfAcmeRoutes_showNothingOfAcme(String path) {
    Reply reply = world.send(OUTSIDER, "GET", path, null);

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.body()).doesNotContain(ACME);
  }

  @Test
  void givenOutsider_listFilteredToAcme_isEmpty() {
    JsonNode templates =
        world.send(OUTSIDER, "GET", TEMPLATES + "?account_id=" + ACME, null).json();
    JsonNode models = world.send(OUTSIDER, "GET", MODELS + "?account_id=" + ACME, null).json();
    JsonNode entities = world.send(OUTSIDER, "GET", WS_MODELS, null).json();
    JsonNode filesets = world.send(OUTSIDER, "GET", WS_FILESETS, null).json();

    assertThat(templates.get("items")).isEmpty();
    assertThat(templates.get("total_item_count").asInt()).isZero();
    assertThat(models.get("items")).isEmpty();
    assertThat(models.get("total_item_count").asInt()).isZero();
    assertThat(entities.get("data")).isEmpty();
    assertThat(filesets.get("data")).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"OWNER", "TEAMMATE", "ADMIN"})
  void givenAllowedCaller_lists_showAcmesData(Caller caller) {
    assertThat(names(world.send(caller, "GET", TEMPLATES, null), "items")).contains(TEMPLATE_NAME);
    assertThat(names(world.send(caller, "GET", MODELS, null), "items")).contains(MODEL_NAME);
    assertThat(names(world.send(caller, "GET", WS_MODELS, null), "data"))
        .containsExactly("acme-entity");
    assertThat(names(world.send(caller, "GET", WS_FILESETS, null), "data"))
        .containsExactlyInAnyOrder("acme-weights", "acme-spare");
  }

  @Test
  void registeredModels_listThePrivateVersionForItsOwnerAndAdministratorsOnly() {
    assertThat(registered(OWNER)).containsExactlyInAnyOrder("secret-model/1", "open-model/1");
    assertThat(registered(ADMIN)).containsExactlyInAnyOrder("secret-model/1", "open-model/1");
    assertThat(registered(TEAMMATE)).containsExactly("open-model/1");
    assertThat(registered(OUTSIDER)).containsExactly("open-model/1");
    for (Caller caller : List.of(TEAMMATE, OUTSIDER)) {
      for (String path :
          List.of(
              REGISTERED,
              REGISTERED + "?visibility=private",
              REGISTERED + "?owner=" + OWNER_ID,
              "/api/v1.0/model/secret-model")) {
        Reply reply = world.send(caller, "GET", path, null);
        assertThat(reply.status()).as(caller + " " + path).isEqualTo(200);
        assertThat(reply.body()).as(caller + " " + path).doesNotContain("secret-model");
      }
    }
  }

  // --- changes that must be refused, each on a fresh world, and change nothing

  static Stream<Call> refusedChanges() {
    return Stream.of(
        call(OUTSIDER, "DELETE", SPARE_TEMPLATE, 404),
        call(OUTSIDER, "DELETE", TEMPLATE, 404),
        call(OUTSIDER, "POST", TEMPLATES, template("globex-in-acme", ACME), 403),
        call(OUTSIDER, "PATCH", MODEL, "{\"description\": \"hijacked\"}", 404),
        call(OUTSIDER, "DELETE", MODEL, 404),
        call(OUTSIDER, "POST", MODELS, model("globex-in-acme", ACME, null), 403),
        call(OUTSIDER, "PATCH", SECRET, "{\"model_config\": {\"private\": false}}", 404),
        call(OUTSIDER, "DELETE", SECRET, 404),
        call(TEAMMATE, "PATCH", SECRET, "{\"model_config\": {\"private\": false}}", 404),
        call(TEAMMATE, "DELETE", SECRET, 404),
        call(OUTSIDER, "PATCH", SECRET_BY_OWNER, "{\"model_config\": {\"private\": false}}", 404),
        call(OUTSIDER, "DELETE", SECRET_BY_OWNER, 404),
        call(OUTSIDER, "PATCH", OPEN, "{\"model_config\": {\"private\": true}}", 403),
        call(OUTSIDER, "DELETE", OPEN, 403),
        call(OUTSIDER, "PATCH", ENTITY, "{\"description\": \"hijacked\"}", 404),
        call(OUTSIDER, "DELETE", ENTITY, 404),
        call(OUTSIDER, "POST", ADAPTERS, adapter("globex-lora"), 404),
        call(OUTSIDER, "PATCH", ADAPTER, "{\"enabled\": false}", 404),
        call(OUTSIDER, "DELETE", ADAPTER, 404),
        call(OUTSIDER, "POST", WS_MODELS, "{\"name\": \"globex-entity\"}", 403),
        call(OUTSIDER, "PATCH", FILESET, "{\"description\": \"hijacked\"}", 404),
        call(OUTSIDER, "DELETE", FILESET, 404),
        call(OUTSIDER, "DELETE", SPARE_FILESET, 404),
        call(OUTSIDER, "POST", WS_FILESETS, "{\"name\": \"globex-fileset\"}", 403),
        call(OUTSIDER, "PUT", FILESET_FILE, "overwritten by globex", 404),
        call(OUTSIDER, "PUT", FILESET + "/-/planted.bin", "planted by globex", 404),
        call(OUTSIDER, "DELETE", FILESET_FILE, 404),
        call(
            TEAMMATE, "POST", "/admin/identities", "{\"id\": \"x\", \"display_name\": \"X\"}", 403),
        call(OUTSIDER, "PATCH", "/admin/identities/" + OUTSIDER.id, "{\"admin\": true}", 403),
        call(
            OUTSIDER, "POST", "/admin/identities", "{\"id\": \"y\", \"display_name\": \"Y\"}", 403),
        call(OUTSIDER, "POST", "/admin/identities/" + OWNER_ID + "/keys", "{}", 403),
        call(OUTSIDER, "DELETE", "/admin/keys/{owner-key}", 404));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedChanges")
  void refusedChange_answersItsStatusAndChangesNothing(Call call) {
    try (World fresh = World.start(false)) {
      String before = fresh.everything();

      Reply reply = fresh.send(call);

      assertThat(reply.status()).as(reply.body()).isEqualTo(call.status());
      assertThat(fresh.everything()).isEqualTo(before);
    }
  }

  /** Changes members (not only the creator) and administrators may make, one per route. */
  static Stream<Call> allowedChanges() {
    return Stream.of(
        call(TEAMMATE, "POST", TEMPLATES, template("acme-teammate-template", ACME), 200),
        call(TEAMMATE, "DELETE", SPARE_TEMPLATE, 200),
        call(ADMIN, "DELETE", SPARE_TEMPLATE, 200),
        call(TEAMMATE, "POST", MODELS, model("acme-teammate-model", ACME, null), 200),
        call(TEAMMATE, "PATCH", MODEL, "{\"description\": \"by a teammate\"}", 200),
        call(ADMIN, "PATCH", MODEL, "{\"description\": \"by an admin\"}", 200),
        call(TEAMMATE, "DELETE", MODEL, 200),
        call(ADMIN, "DELETE", MODEL, 200),
        call(OWNER, "PATCH", SECRET, "{\"model_config\": {\"private\": false}}", 200),
        call(ADMIN, "PATCH", SECRET_BY_OWNER, "{\"model_config\": {\"private\": false}}", 200),
        call(ADMIN, "DELETE", SECRET_BY_OWNER, 204),
        call(OWNER, "DELETE", OPEN, 204),
        call(TEAMMATE, "PATCH", ENTITY, "{\"description\": \"by a teammate\"}", 200),
        call(ADMIN, "PATCH", ENTITY, "{\"description\": \"by an admin\"}", 200),
        call(ADMIN, "DELETE", ENTITY, 204),
        call(TEAMMATE, "POST", ADAPTERS, adapter("acme-teammate-lora"), 201),
        call(TEAMMATE, "PATCH", ADAPTER, "{\"enabled\": false}", 200),
        call(ADMIN, "DELETE", ADAPTER, 204),
        call(TEAMMATE, "POST", WS_MODELS, "{\"name\": \"acme-teammate-entity\"}", 201),
        call(TEAMMATE, "PATCH", FILESET, "{\"description\": \"by a teammate\"}", 200),
        call(ADMIN, "DELETE", SPARE_FILESET, 200),
        call(TEAMMATE, "POST", WS_FILESETS, "{\"name\": \"acme-teammate-fileset\"}", 201),
        call(TEAMMATE, "PUT", FILESET_FILE, "rewritten by a teammate", 200),
        call(ADMIN, "DELETE", FILESET_FILE, 200),
        // an outsider registers its own version of a name someone else uses
        call(OUTSIDER, "PUT", SECRET + "?wait=true&timeout=10", registration(true), 201),
        call(OUTSIDER, "POST", "/api/add_models?wait=true&timeout=10", legacyRegistration(), 201),
        call(ADMIN, "POST", "/admin/identities", "{\"id\": \"z\", \"display_name\": \"Z\"}", 201),
        call(ADMIN, "PATCH", "/admin/identities/" + OWNER_ID, "{\"display_name\": \"Boss\"}", 200),
        call(OWNER, "POST", "/admin/identities/" + OWNER_ID + "/keys", "{}", 201),
        call(OWNER, "DELETE", "/admin/keys/{owner-key}", 200));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allowedChanges")
  void allowedChange_answersItsStatusAndChangesWhatTheOwnerSees(Call call) {
    try (World fresh = World.start(false)) {
      String before = fresh.everything();

      Reply reply = fresh.send(call);

      assertThat(reply.status()).as(reply.body()).isEqualTo(call.status());
      assertThat(fresh.everything()).isNotEqualTo(before);
    }
  }

  /**
   * Every route the server registers has rows above: one for an outsider (refused, or a list that
   * must show nothing of acme) and one that succeeds, so that a new route fails here until its
   * authorization is decided and tested.
   */
  @Test
  void everyRegisteredRoute_hasAnOutsiderRowAndASuccessfulRow() {
    List<Call> rows =
        Stream.of(reads(), refusedChanges(), allowedChanges()).flatMap(table -> table).toList();
    List<String> uncovered = new ArrayList<>();
    for (AuthenticationMatrixTest.Route route : AuthenticationMatrixTest.ROUTES) {
      java.util.regex.Pattern pattern = routePattern(route.path());
      List<Call> ofRoute =
          rows.stream()
              .filter(c -> c.method().equals(route.method()))
              .filter(c -> pattern.matcher(c.path().split("\\?")[0]).matches())
              .toList();
      if (route.method().equals("HEAD") && !route.path().contains("<")) {
        continue; // a HEAD twin answers as its GET does: headMirrorsGet checks it row by row
      }
      if (ofRoute.stream().noneMatch(c -> c.caller() == OUTSIDER)) {
        uncovered.add(route.method() + " " + route.path() + ": no outsider row");
      }
      if (ofRoute.stream().noneMatch(c -> c.status() < 300)) {
        uncovered.add(route.method() + " " + route.path() + ": no successful row");
      }
    }
    assertThat(uncovered).isEmpty();
  }

  /** {@code {name}} matches one path segment, {@code <name>} the rest of the path. */
  private static java.util.regex.Pattern routePattern(String route) {
    StringBuilder regex = new StringBuilder();
    java.util.regex.Matcher parameter =
        java.util.regex.Pattern.compile("\\{[^}]+}|<[^>]+>").matcher(route);
    int last = 0;
    while (parameter.find()) {
      regex.append(java.util.regex.Pattern.quote(route.substring(last, parameter.start())));
      regex.append(parameter.group().startsWith("{") ? "[^/]+" : ".+");
      last = parameter.end();
    }
    regex.append(java.util.regex.Pattern.quote(route.substring(last)));
    return java.util.regex.Pattern.compile(regex.toString());
  }

  @Test
  void givenOutsiderDeletingAnUnusedTemplate_itStillExistsForTheOwner() {
    try (World fresh = World.start(false)) {
      Reply delete = fresh.send(OUTSIDER, "DELETE", SPARE_TEMPLATE, null);

      assertThat(delete.status()).as(delete.body()).isEqualTo(404);
      assertThat(fresh.send(OWNER, "GET", SPARE_TEMPLATE, null).status()).isEqualTo(200);
    }
  }

  @Test
  void givenOutsiderCreatingInAcme_nothingIsCreated() {
    try (World fresh = World.start(false)) {
      List<String> templates = names(fresh.send(ADMIN, "GET", TEMPLATES, null), "items");
      List<String> models = names(fresh.send(ADMIN, "GET", MODELS, null), "items");

      Reply template = fresh.send(OUTSIDER, "POST", TEMPLATES, template("planted", ACME));
      Reply model = fresh.send(OUTSIDER, "POST", MODELS, model("planted", ACME, null));

      assertThat(template.status()).as(template.body()).isEqualTo(403);
      assertThat(model.status()).as(model.body()).isEqualTo(403);
      assertThat(names(fresh.send(ADMIN, "GET", TEMPLATES, null), "items")).isEqualTo(templates);
      assertThat(names(fresh.send(ADMIN, "GET", MODELS, null), "items")).isEqualTo(models);
    }
  }

  /**
   * The create schemas accept a {@code created_by_user_id} (it is a field of the response, and the
   * request ignores it): whatever a body says, the creator is the caller.
   */
  @ParameterizedTest(name = "POST {0}")
  @ValueSource(strings = {TEMPLATES, MODELS})
  void givenCreatorInTheBody_create_recordsTheCaller(String collection) {
    try (World fresh = World.start(false)) {
      String body =
          (collection.equals(TEMPLATES) ? template("spoofed", ACME) : model("spoofed", ACME, null))
              .replaceFirst("\\{", "{\"created_by_user_id\": \"someone-else\", ");

      Reply reply = fresh.send(OWNER, "POST", collection, body);

      assertThat(reply.status()).as(reply.body()).isEqualTo(200);
      assertThat(reply.json().get("created_by_user_id").stringValue()).isEqualTo(OWNER_ID);
      String id = reply.json().get("id").stringValue();
      Reply stored = fresh.send(ADMIN, "GET", collection + "/" + id, null);
      assertThat(stored.json().get("created_by_user_id").stringValue()).isEqualTo(OWNER_ID);
      assertThat(stored.body()).doesNotContain("someone-else");
    }
  }

  @Test
  void givenOutsiderNamingAcmesTemplate_createModel_answersAsForATemplateThatDoesNotExist() {
    try (World fresh = World.start(false)) {
      String acmes = fresh.templateId;

      Reply named = fresh.send(OUTSIDER, "POST", MODELS, model("globex-model", GLOBEX, acmes));
      Reply unknown =
          fresh.send(OUTSIDER, "POST", MODELS, model("globex-model", GLOBEX, "no-such-template"));

      assertThat(named.status()).as(named.body()).isEqualTo(422);
      assertThat(unknown.status()).as(unknown.body()).isEqualTo(422);
      assertThat(named.body().replace(acmes, "<id>"))
          .isEqualTo(unknown.body().replace("no-such-template", "<id>"));
      assertThat(named.body()).doesNotContain(ACME);
      assertThat(names(fresh.send(ADMIN, "GET", MODELS, null), "items"))
          .doesNotContain("globex-model");
    }
  }

  @Test
  void givenAdmin_patchOfAPublicVersionOfAnother_succeeds() {
    try (World fresh = World.start(false)) {
      Reply reply =
          fresh.send(
              ADMIN,
              "PATCH",
              OPEN,
              "{\"model_metainfo\": {\"description\": \"reviewed by an administrator\"}}");

      assertThat(reply.status()).as(reply.body()).isEqualTo(200);
      assertThat(
              fresh
                  .send(OWNER, "GET", OPEN, null)
                  .json()
                  .get("model_metainfo")
                  .get("description")
                  .stringValue())
          .isEqualTo("reviewed by an administrator");
    }
  }

  @Test
  void givenOwner_createInTheOwnWorkspace_succeedsAndTeammatesSeeIt() {
    try (World fresh = World.start(false)) {
      Reply fileset = fresh.send(OWNER, "POST", WS_FILESETS, "{\"name\": \"acme-more\"}");
      Reply entity = fresh.send(OWNER, "POST", WS_MODELS, "{\"name\": \"acme-second\"}");

      assertThat(fileset.status()).as(fileset.body()).isEqualTo(201);
      assertThat(entity.status()).as(entity.body()).isEqualTo(201);
      assertThat(names(fresh.send(TEAMMATE, "GET", WS_FILESETS, null), "data"))
          .containsExactlyInAnyOrder("acme-weights", "acme-spare", "acme-more");
      assertThat(names(fresh.send(TEAMMATE, "GET", WS_MODELS, null), "data"))
          .containsExactlyInAnyOrder("acme-entity", "acme-second");
    }
  }

  // --- anonymous public reads

  @Test
  void givenAnonymousReadsOff_noKey_isRefusedEvenForAPublicVersion() {
    assertThat(world.send(ANONYMOUS, "GET", OPEN, null).status()).isEqualTo(401);
    assertThat(world.send(ANONYMOUS, "GET", OPEN_FILE, null).status()).isEqualTo(401);
    assertThat(world.send(ANONYMOUS, "GET", REGISTERED, null).status()).isEqualTo(401);
  }

  /** The same data on a server that lets requests without a key read public versions. */
  @Nested
  class AnonymousPublicReads {

    private static World anonymous;

    @BeforeAll
    static void start() {
      anonymous = World.start(true);
    }

    @AfterAll
    static void stop() {
      if (anonymous != null) {
        anonymous.close();
      }
    }

    static Stream<Call> withoutKey() {
      List<Call> calls = new ArrayList<>();
      // public reads
      calls.add(call(ANONYMOUS, "GET", OPEN, 200));
      calls.add(call(ANONYMOUS, "GET", OPEN + "/" + OWNER_ID, 200));
      calls.add(call(ANONYMOUS, "GET", OPEN_FILE, 200));
      calls.add(call(ANONYMOUS, "HEAD", OPEN_FILE, 200));
      calls.add(call(ANONYMOUS, "GET", "/api/v1.0/model/open-model", 200));
      calls.add(call(ANONYMOUS, "GET", REGISTERED, 200));
      // private versions stay hidden
      calls.add(call(ANONYMOUS, "GET", SECRET, 404));
      calls.add(call(ANONYMOUS, "GET", SECRET_OF_OWNER, 404));
      calls.add(call(ANONYMOUS, "GET", SECRET_FILE_OF_OWNER, 404));
      calls.add(call(ANONYMOUS, "HEAD", SECRET_FILE_OF_OWNER, 404));
      // registration writes need a key
      calls.add(
          call(ANONYMOUS, "PUT", "/api/v1.0/model/anonymous-model/1", registration(false), 401));
      calls.add(call(ANONYMOUS, "PATCH", OPEN, "{\"model_config\": {\"private\": true}}", 401));
      calls.add(call(ANONYMOUS, "DELETE", OPEN, 401));
      calls.add(call(ANONYMOUS, "POST", "/api/add_models", "{}", 401));
      // every other family needs a key, reads included
      for (String[] route : KEYED_ROUTES) {
        calls.add(call(ANONYMOUS, route[0], route[1], body(route[0]), 401));
      }
      return calls.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withoutKey")
    void withoutKey_answersByRoute(Call call) {
      Reply reply = anonymous.send(call);

      assertThat(reply.status()).as(reply.body()).isEqualTo(call.status());
      if (call.status() == 401) {
        assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
      }
    }

    @Test
    void withoutKey_listShowsPublicVersionsOnly() {
      Reply models = anonymous.send(ANONYMOUS, "GET", REGISTERED, null);
      Reply versions = anonymous.send(ANONYMOUS, "GET", "/api/v1.0/model/secret-model", null);

      assertThat(RegistrationRequests.versionsOf(models)).containsExactly("open-model/1");
      assertThat(models.body()).doesNotContain("secret-model");
      assertThat(RegistrationRequests.versionsOf(versions)).isEmpty();
    }

    @Test
    void withoutKey_publicFileIsServed() {
      Reply file = anonymous.send(ANONYMOUS, "GET", OPEN_FILE, null);

      assertThat(file.status()).isEqualTo(200);
      assertThat(file.bytes()).isEqualTo(RegistrationWorld.content(REGISTERED_FILE));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badKeys")
    void givenBadKey_publicRead_isStill401(String header, String value) {
      Reply version = anonymous.sendWithValue(header, value, "GET", OPEN);
      Reply file = anonymous.sendWithValue(header, value, "GET", OPEN_FILE);

      assertThat(version.status()).as(version.body()).isEqualTo(401);
      assertThat(file.status()).as(file.body()).isEqualTo(401);
    }

    static Stream<Arguments> badKeys() {
      return Stream.of(
          Arguments.of("Authorization", "Bearer " + UNKNOWN_KEY),
          Arguments.of("Authorization", "Bearer not-a-key"),
          Arguments.of(ApiKeyAuthentication.API_KEY_HEADER, UNKNOWN_KEY),
          // Credentials that are no key are refused too, never taken for no credentials at all.
          Arguments.of("Authorization", "Basic dXNlcjpwYXNz"),
          Arguments.of("Authorization", "Token " + UNKNOWN_KEY),
          Arguments.of("Authorization", "Bearer"),
          Arguments.of(ApiKeyAuthentication.API_KEY_HEADER, " "));
    }
  }

  /** Every route but the registration family's, with a concrete path to acme's data. */
  static final String[][] KEYED_ROUTES = {
    {"POST", TEMPLATES},
    {"GET", TEMPLATES},
    {"GET", TEMPLATE},
    {"DELETE", TEMPLATE},
    {"POST", MODELS},
    {"GET", MODELS},
    {"GET", MODEL},
    {"PATCH", MODEL},
    {"DELETE", MODEL},
    {"POST", WS_MODELS},
    {"GET", WS_MODELS},
    {"GET", ENTITY},
    {"PATCH", ENTITY},
    {"DELETE", ENTITY},
    {"POST", ADAPTERS},
    {"PATCH", ADAPTER},
    {"DELETE", ADAPTER},
    {"POST", WS_FILESETS},
    {"GET", WS_FILESETS},
    {"GET", FILESET},
    {"PATCH", FILESET},
    {"DELETE", FILESET},
    {"GET", FILESET_FILES},
    {"PUT", FILESET_FILE},
    {"GET", FILESET_FILE},
    {"HEAD", FILESET_FILE},
    {"DELETE", FILESET_FILE},
    {"POST", "/admin/identities"},
    {"GET", "/admin/identities"},
    {"PATCH", "/admin/identities/" + OWNER_ID},
    {"POST", "/admin/identities/" + OWNER_ID + "/keys"},
    {"GET", "/admin/identities/" + OWNER_ID + "/keys"},
    {"DELETE", "/admin/keys/AAAAAAAA"},
    {"GET", "/admin/audit"},
  };

  // --- the callers and their calls

  /** Who asks; {@link #ANONYMOUS} presents no key. */
  enum Caller {
    OWNER(OWNER_ID),
    TEAMMATE("acme-teammate"),
    OUTSIDER("globex-outsider"),
    ADMIN("root-admin"),
    ANONYMOUS(null);

    final String id;

    Caller(String id) {
      this.id = id;
    }
  }

  /**
   * One request and the status it must get; the path may name {@code {template}} and {@code
   * {model}}, the ids the world's owner got.
   */
  record Call(Caller caller, String method, String path, String body, int status) {

    @Override
    public String toString() {
      return caller.name().toLowerCase() + " " + method + " " + path + " -> " + status;
    }
  }

  static Call call(Caller caller, String method, String path, int status) {
    return new Call(caller, method, path, null, status);
  }

  static Call call(Caller caller, String method, String path, String body, int status) {
    return new Call(caller, method, path, body, status);
  }

  // --- bodies

  static String template(String name, String account) {
    return Bodies.template(name).replace("\"" + Bodies.ACCOUNT + "\"", "\"" + account + "\"");
  }

  static String model(String name, String account, String templateId) {
    String body = Bodies.model(name).replace("\"" + Bodies.ACCOUNT + "\"", "\"" + account + "\"");
    return templateId == null
        ? body
        : body.replaceFirst("\\{", "{\"model_template_id\": \"" + templateId + "\", ");
  }

  /** The shared full registration body (its files served by the world's fake source). */
  static String registration(boolean isPrivate) {
    return RegistrationRequests.putBody("DECODER", isPrivate);
  }

  /** The legacy route's body of the domain's test data (its files served by the world). */
  static String legacyRegistration() {
    return RegistrationRequests.json(TestRegistrations.legacyBody());
  }

  static String adapter(String name) {
    return """
    {"name": "%s", "fileset": "%s/acme-weights", "finetuning_type": "lora"}
    """
        .formatted(name, WS_ACME);
  }

  /** A body a route of {@code method} accepts as JSON, or none. */
  static String body(String method) {
    return List.of("POST", "PUT", "PATCH").contains(method) ? "{}" : null;
  }

  // --- reading replies

  static List<String> names(Reply reply, String field) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    List<String> names = new ArrayList<>();
    reply.json().get(field).values().forEach(item -> names.add(item.get("name").stringValue()));
    return names;
  }

  private static List<String> registered(Caller caller) {
    return RegistrationRequests.versionsOf(world.send(caller, "GET", REGISTERED, null));
  }

  /** The segment of {@code path} that names the resource: its last, or the one before an owner. */
  private static String lastOrNamedSegment(String path) {
    String[] segments = path.split("/");
    String last = segments[segments.length - 1];
    return last.equals(OWNER_ID) ? segments[segments.length - 3] : last;
  }

  /**
   * A server authenticating by API key, with the four callers and the owner's data: a template, a
   * model from it and a spare template in {@code acme}; a private ({@code secret-model/1}) and a
   * public ({@code open-model/1}) registered version, READY (the shared full registration body); in
   * {@code ws-acme} a fileset with one file, a model entity using it with one adapter, and a spare
   * empty fileset. All created by the owner through the API.
   */
  static final class World implements AutoCloseable {

    private final Javalin server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final RegistrationWorld registrations;
    private final Map<Caller, String> keys = new EnumMap<>(Caller.class);
    String templateId;
    String spareTemplateId;
    String modelId;

    private World(Javalin server, RegistrationWorld registrations) {
      this.server = server;
      this.registrations = registrations;
    }

    static World start(boolean anonymousPublicReads) {
      IdentityWorld identity = new IdentityWorld();
      RegistrationWorld registrations =
          new RegistrationWorld(new ApiFixture.TickingClock(ApiFixture.START));
      ApiKeyAuthentication authentication =
          anonymousPublicReads
              ? new ApiKeyAuthentication(
                  identity.useCases().authenticate(),
                  identity.clock,
                  100_000,
                  Duration.ofMinutes(1),
                  true)
              : new ApiKeyAuthentication(
                  identity.useCases().authenticate(),
                  identity.clock,
                  100_000,
                  Duration.ofMinutes(1));
      RegistryUseCases real = ApiFixture.realUseCases();
      RegistryUseCases useCases =
          new RegistryUseCases(
              real.createTemplate(),
              real.getTemplate(),
              real.listTemplates(),
              real.deleteTemplate(),
              real.createModel(),
              real.getModel(),
              real.listModels(),
              real.updateModel(),
              real.deleteModel(),
              registrations.useCases(),
              real.workspace(),
              identity.useCases());
      Javalin server =
          HttpApi.create(HttpSettings.forLocalIdentity(ApiFixture.LOCAL), useCases, authentication)
              .start(0);
      World world = new World(server, registrations);
      try {
        world.keys.put(
            OWNER, identity.keyFor(identity.store(OWNER.id, Set.of(ACME), Set.of(WS_ACME), false)));
        world.keys.put(
            TEAMMATE,
            identity.keyFor(identity.store(TEAMMATE.id, Set.of(ACME), Set.of(WS_ACME), false)));
        world.keys.put(
            OUTSIDER,
            identity.keyFor(identity.store(OUTSIDER.id, Set.of(GLOBEX), Set.of(WS_GLOBEX), false)));
        world.keys.put(ADMIN, identity.keyFor(identity.store(ADMIN.id, Set.of(), Set.of(), true)));
        world.seed();
        return world;
      } catch (RuntimeException | Error e) {
        world.close();
        throw e;
      }
    }

    /** The owner creates acme's data through the API. */
    private void seed() {
      templateId = created(send(OWNER, "POST", TEMPLATES, template(TEMPLATE_NAME, ACME)), 200);
      spareTemplateId =
          created(send(OWNER, "POST", TEMPLATES, template("acme-spare-template", ACME)), 200);
      modelId = created(send(OWNER, "POST", MODELS, model(MODEL_NAME, ACME, templateId)), 200);
      RegistrationRequests.serveAllFiles(registrations);
      // The legacy route's test data names files of its own.
      for (String file : List.of("model.bin", "gptc_deploy_entry.py", "gptc_deploy_env.yml")) {
        registrations.fetcher.serve(
            TestRegistrations.signedUrl(file), RegistrationWorld.content(file));
      }
      // ?wait=true holds the answer until the import ended (at most its timeout): no sleeping.
      for (String path : List.of(SECRET, OPEN)) {
        Reply reply =
            send(OWNER, "PUT", path + "?wait=true&timeout=10", registration(path.equals(SECRET)));
        if (reply.status() != 201 || !"READY".equals(reply.json().get("state").stringValue())) {
          throw new AssertionError("not READY: " + path + " " + reply.status() + reply.body());
        }
      }
      expect(send(OWNER, "POST", WS_FILESETS, "{\"name\": \"acme-weights\"}"), 201);
      expect(send(OWNER, "PUT", FILESET_FILE, FILE_CONTENT), 200);
      expect(send(OWNER, "POST", WS_FILESETS, "{\"name\": \"acme-spare\"}"), 201);
      expect(
          send(
              OWNER,
              "POST",
              WS_MODELS,
              "{\"name\": \"acme-entity\", \"fileset\": \"" + WS_ACME + "/acme-weights\"}"),
          201);
      expect(send(OWNER, "POST", ADAPTERS, adapter("acme-lora")), 201);
    }

    private static String created(Reply reply, int status) {
      expect(reply, status);
      return reply.json().get("id").stringValue();
    }

    private static void expect(Reply reply, int status) {
      if (reply.status() != status) {
        throw new AssertionError("seeding failed: " + reply.status() + " " + reply.body());
      }
    }

    /**
     * What the owner and an administrator see of everything, as text: equal before and after a
     * request exactly when the request changed nothing they can see.
     */
    String everything() {
      StringBuilder seen = new StringBuilder();
      List<String> ownerViews =
          List.of(
              TEMPLATE,
              MODEL,
              TEMPLATES + "?account_id=" + ACME,
              MODELS + "?account_id=" + ACME,
              SECRET,
              OPEN,
              SECRET_FILE,
              REGISTERED,
              ENTITY,
              WS_MODELS,
              FILESET,
              WS_FILESETS,
              FILESET_FILES,
              FILESET_FILE,
              FILESET + "/-/planted.bin");
      for (String path : ownerViews) {
        Reply reply = send(OWNER, "GET", path, null);
        seen.append(path).append(' ').append(reply.status()).append(' ').append(reply.body());
        seen.append('\n');
      }
      for (String path :
          List.of(
              TEMPLATES,
              MODELS,
              REGISTERED,
              "/admin/identities",
              "/admin/identities/" + OWNER_ID + "/keys")) {
        Reply reply = send(ADMIN, "GET", path, null);
        seen.append(path).append(' ').append(reply.status()).append(' ').append(reply.body());
        seen.append('\n');
      }
      return seen.toString();
    }

    /**
     * {@code path} with {@code {template}}, {@code {spare-template}}, {@code {model}} and {@code
     * {owner-key}} (the prefix of the owner's key) filled in.
     */
    String resolve(String path) {
      String resolved = templateId == null ? path : path.replace("{template}", templateId);
      String ownerKey = keys.get(OWNER);
      resolved =
          ownerKey == null ? resolved : resolved.replace("{owner-key}", ownerKey.substring(3, 11));
      resolved =
          spareTemplateId == null
              ? resolved
              : resolved.replace("{spare-template}", spareTemplateId);
      return modelId == null ? resolved : resolved.replace("{model}", modelId);
    }

    Reply send(Call call) {
      return send(call.caller(), call.method(), call.path(), call.body());
    }

    /** Sends as {@code caller}, its key as {@code Authorization: Bearer}. */
    Reply send(Caller caller, String method, String path, String body) {
      return caller == ANONYMOUS
          ? exchange(method, path, body)
          : exchange(method, path, body, "Authorization", "Bearer " + keys.get(caller));
    }

    /** Sends as {@code caller}, its key in {@code header} as it is. */
    Reply sendWithHeader(Caller caller, String header, String method, String path) {
      return exchange(method, path, null, header, keys.get(caller));
    }

    /** Sends with {@code header: value} and nothing else identifying the caller. */
    Reply sendWithValue(String header, String value, String method, String path) {
      return exchange(method, path, null, header, value);
    }

    private Reply exchange(String method, String path, String body, String... headers) {
      String resolved = resolve(path);
      var request =
          HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + resolved))
              .timeout(Duration.ofSeconds(30));
      if (headers.length > 0) {
        request.headers(headers);
      }
      if (body == null) {
        request.method(method, BodyPublishers.noBody());
      } else {
        String type = resolved.contains("/-/") ? "application/octet-stream" : "application/json";
        request.header("Content-Type", type).method(method, BodyPublishers.ofString(body));
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
        return new Reply(response.statusCode(), response.body(), response.headers());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void close() {
      server.stop();
      registrations.close();
      client.close();
    }
  }
}
