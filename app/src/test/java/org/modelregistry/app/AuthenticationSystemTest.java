package org.modelregistry.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modelregistry.domain.identity.ApiKeySecret;

/**
 * The whole registry with API keys, its default: the first start creates the administrator (with
 * the configured key, or a new one printed once), every request needs a key, and the administrator
 * issues and revokes the keys of others.
 */
class AuthenticationSystemTest {

  private static final Pattern PRINTED_KEY =
      Pattern.compile("(mr_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43})");

  @TempDir Path dataDir;
  private final HttpClient http = HttpClient.newHttpClient();

  private RegistryApplication start(Map<String, String> environment) {
    return start(environment, line -> {});
  }

  private RegistryApplication start(
      Map<String, String> environment, java.util.function.Consumer<String> console) {
    return RegistryApplication.start(
        SettingsLoader.load(
            new String[] {"--port", "0", "--host", "127.0.0.1", "--data-dir", dataDir.toString()},
            environment),
        console);
  }

  private static String newKey() {
    byte[] random = new byte[ApiKeySecret.PREFIX_LENGTH + ApiKeySecret.SECRET_BYTES];
    new java.security.SecureRandom().nextBytes(random);
    return ApiKeySecret.fromRandom(random).reveal();
  }

  private HttpResponse<String> send(
      RegistryApplication app, String method, String path, String body, String... headers)
      throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String[] bearer(String key) {
    return new String[] {"Authorization", "Bearer " + key};
  }

  @Test
  void givenAConfiguredAdminKey_everyRequestNeedsAKeyAndTheAdminManagesOthers() throws Exception {
    String adminKey = newKey();
    Map<String, String> environment = Map.of("REGISTRY_BOOTSTRAP_ADMIN_KEY", adminKey);
    String bobKey;
    try (RegistryApplication app = start(environment)) {
      HttpResponse<String> anonymous = send(app, "GET", "/v4/model-templates", null);
      assertThat(anonymous.statusCode()).isEqualTo(401);
      assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
      assertThat(send(app, "GET", "/v4/model-templates", null, bearer(adminKey)).statusCode())
          .isEqualTo(200);
      assertThat(send(app, "GET", "/v4/model-templates", null, "x-api-key", adminKey).statusCode())
          .isEqualTo(200);

      HttpResponse<String> bob =
          send(
              app,
              "POST",
              "/admin/identities",
              "{\"id\": \"bob\", \"display_name\": \"Bob\", \"workspaces\": [\"team\"]}",
              bearer(adminKey));
      assertThat(bob.statusCode()).as(bob.body()).isEqualTo(201);
      HttpResponse<String> issued =
          send(
              app,
              "POST",
              "/admin/identities/bob/keys",
              "{\"name\": \"laptop\"}",
              bearer(adminKey));
      assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
      Matcher key = PRINTED_KEY.matcher(issued.body());
      assertThat(key.find()).isTrue();
      bobKey = key.group(1);

      assertThat(send(app, "GET", "/v4/model-templates", null, bearer(bobKey)).statusCode())
          .isEqualTo(200);
      assertThat(send(app, "GET", "/admin/identities", null, bearer(bobKey)).statusCode())
          .isEqualTo(403);
      HttpResponse<String> listed =
          send(app, "GET", "/admin/identities/bob/keys", null, bearer(adminKey));
      assertThat(listed.statusCode()).isEqualTo(200);
      assertThat(listed.body()).contains("laptop").doesNotContain(bobKey);
    }
    // A restart creates no second administrator, and the keys still work.
    try (RegistryApplication app = start(Map.of())) {
      assertThat(send(app, "GET", "/v4/model-templates", null, bearer(adminKey)).statusCode())
          .isEqualTo(200);
      String prefix = bobKey.substring(3, 11);
      assertThat(send(app, "DELETE", "/admin/keys/" + prefix, null, bearer(adminKey)).statusCode())
          .isEqualTo(200);
      assertThat(send(app, "GET", "/v4/model-templates", null, bearer(bobKey)).statusCode())
          .isEqualTo(401);
      HttpResponse<String> audit = send(app, "GET", "/admin/audit", null, bearer(adminKey));
      assertThat(audit.statusCode()).isEqualTo(200);
      assertThat(audit.body()).contains("/admin/keys/" + prefix).contains("admin");
    }
  }

  /** Creates identity {@code id} in {@code account} and returns a key of it. */
  private String member(RegistryApplication app, String adminKey, String id, String account)
      throws Exception {
    HttpResponse<String> created =
        send(
            app,
            "POST",
            "/admin/identities",
            "{\"id\": \""
                + id
                + "\", \"display_name\": \""
                + id
                + "\", \"accounts\": [\""
                + account
                + "\"]}",
            bearer(adminKey));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    HttpResponse<String> issued =
        send(
            app,
            "POST",
            "/admin/identities/" + id + "/keys",
            "{\"name\": \"k\"}",
            bearer(adminKey));
    Matcher key = PRINTED_KEY.matcher(issued.body());
    assertThat(key.find()).as(issued.body()).isTrue();
    return key.group(1);
  }

  @Test
  void givenTwoAccounts_eachMemberSeesOnlyItsAccountsTemplatesAndAnonymousReadsNeedTheSwitch()
      throws Exception {
    String adminKey = newKey();
    String template =
        """
        {"name": "acme-llm", "account_id": "acme", "endpoint_type": "SYNC",
         "model_type": "COMPLETION", "vendor_configuration": {"bundle_config":
           {"registry": "registry.example", "image": "llm-server", "tag": "1.0"}}}
        """;
    try (RegistryApplication app = start(Map.of("REGISTRY_BOOTSTRAP_ADMIN_KEY", adminKey))) {
      String bob = member(app, adminKey, "bob", "acme");
      String carol = member(app, adminKey, "carol", "globex");
      HttpResponse<String> created =
          send(app, "POST", "/v4/model-templates", template, bearer(bob));
      assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
      String id = created.body().replaceAll(".*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");

      assertThat(send(app, "GET", "/v4/model-templates/" + id, null, bearer(bob)).statusCode())
          .isEqualTo(200);
      assertThat(send(app, "GET", "/v4/model-templates/" + id, null, bearer(carol)).statusCode())
          .isEqualTo(404);
      assertThat(send(app, "GET", "/v4/model-templates", null, bearer(carol)).body())
          .doesNotContain("acme");
      assertThat(send(app, "POST", "/v4/model-templates", template, bearer(carol)).statusCode())
          .isEqualTo(403);
      assertThat(send(app, "GET", "/api/v1.0/models", null).statusCode()).isEqualTo(401);
    }
    try (RegistryApplication app = start(Map.of("REGISTRY_ANONYMOUS_READ", "true"))) {
      assertThat(send(app, "GET", "/api/v1.0/models", null).statusCode()).isEqualTo(200);
      assertThat(send(app, "GET", "/v4/model-templates", null).statusCode()).isEqualTo(401);
      assertThat(send(app, "GET", "/api/v1.0/models", null, bearer("mr_bad")).statusCode())
          .isEqualTo(401);
    }
  }

  @Test
  void givenNoConfiguredKey_theFirstStartAnnouncesANewOneOnceAndNeverLogsIt() throws Exception {
    var announced = new java.util.concurrent.CopyOnWriteArrayList<String>();
    String key;
    try (var logs = CapturedAppLogs.start()) {
      try (RegistryApplication app = start(Map.of(), announced::add)) {
        Matcher m = PRINTED_KEY.matcher(String.join("\n", announced));
        assertThat(m.find()).as(announced.toString()).isTrue();
        key = m.group(1);
        assertThat(send(app, "GET", "/v4/models", null, bearer(key)).statusCode()).isEqualTo(200);
      }
      assertThat(logs.text()).doesNotContain(key);
    }
    announced.clear();
    try (RegistryApplication app = start(Map.of(), announced::add)) {
      assertThat(announced).isEmpty();
      assertThat(send(app, "GET", "/v4/models", null, bearer(key)).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void givenLocalAuthenticationOnAPublicAddressOrAMalformedKey_startupFailsNamingTheSetting() {
    for (String host :
        new String[] {"0.0.0.0", "127.example.com", "127.0.0.1.nip.io", "10.0.0.1"}) {
      assertThatThrownBy(
              () ->
                  SettingsLoader.load(
                      new String[] {"--authentication", "local", "--host", host}, Map.of()))
          .as(host)
          .isInstanceOf(InvalidSettingException.class)
          .hasMessageContaining("--authentication");
    }
    for (String host : new String[] {"127.0.0.1", "127.1.2.3", "localhost", "::1"}) {
      assertThat(
              SettingsLoader.load(
                      new String[] {"--authentication", "local", "--host", host}, Map.of())
                  .authentication())
          .isEqualTo(RegistrySettings.Authentication.LOCAL);
    }
    assertThatThrownBy(
            () ->
                SettingsLoader.load(
                    new String[0], Map.of("REGISTRY_BOOTSTRAP_ADMIN_KEY", "mr_short_secret-value")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("--bootstrap-admin-key")
        .hasMessageNotContaining("secret-value");
  }
}
