package org.modelregistry.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modelregistry.adapter.http.ApiFixture.Reply;
import org.modelregistry.domain.identity.Identity;
import tools.jackson.databind.JsonNode;

class AdminRoutesTest {

  private ApiFixture api;
  private ApiFixture root;
  private ApiFixture alice;
  private Identity aliceIdentity;

  @BeforeEach
  void start() {
    api = ApiFixture.startAuthenticated(100, Duration.ofMinutes(1));
    Identity rootIdentity = api.identity().store("root", true);
    aliceIdentity = api.identity().store("alice", false);
    root = api.withKey(api.identity().keyFor(rootIdentity));
    alice = api.withKey(api.identity().keyFor(aliceIdentity));
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void givenAdmin_createIdentity_answers201WithIt() {
    Reply reply =
        root.post(
            "/admin/identities",
            """
            {"id": "ci-bot", "display_name": "CI", "type": "service_account",
             "accounts": ["acct-2"], "workspaces": ["ws-2"]}
            """);

    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.json())
        .isEqualTo(
            ApiFixture.json(
                """
                {"id": "ci-bot", "display_name": "CI", "type": "service_account",
                 "accounts": ["acct-2"], "workspaces": ["ws-2"], "admin": false,
                 "created_at": "2026-11-23T08:00:00.000000Z"}
                """));
    assertThat(root.get("/admin/identities").json().get("items"))
        .extracting(item -> item.get("id").stringValue())
        .containsExactly("alice", "ci-bot", "root");
  }

  @Test
  void givenAdmin_patchIdentity_changesItAndBadBodiesAnswer422() {
    Reply patched = root.patch("/admin/identities/alice", "{\"admin\": true}");
    Reply invalid = root.patch("/admin/identities/alice", "{\"admin\": \"yes\", \"x\": 1}");

    assertThat(patched.status()).isEqualTo(200);
    assertThat(patched.json().get("admin").booleanValue()).isTrue();
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(invalid.json().get("detail")).hasSize(2);
  }

  @Test
  void givenAdmin_issueKey_showsTheKeyOnceAndItAuthenticates() {
    Reply issued =
        root.post(
            "/admin/identities/alice/keys",
            "{\"name\": \"ci\", \"expires_at\": \"2027-01-01T00:00:00Z\"}");

    assertThat(issued.status()).isEqualTo(201);
    assertThat(issued.header("Cache-Control")).isEqualTo("no-store");
    JsonNode body = issued.json();
    String key = body.get("key").stringValue();
    assertThat(key).startsWith("mr_" + body.get("prefix").stringValue() + "_");
    assertThat(body.get("name").stringValue()).isEqualTo("ci");
    assertThat(body.get("expires_at").stringValue()).isEqualTo("2027-01-01T00:00:00.000000Z");
    assertThat(api.withKey(key).get("/v4/models").status()).isEqualTo(200);

    Reply listed = root.get("/admin/identities/alice/keys");
    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.json().get("items")).hasSize(2);
    assertThat(listed.body()).doesNotContain(key).doesNotContain("hash").doesNotContain("\"key\"");
    String hash =
        api.identity().keys.findByPrefix(body.get("prefix").stringValue()).orElseThrow().hash();
    assertThat(listed.body()).doesNotContain(hash);
  }

  @Test
  void givenNoBody_issueKey_issuesAnUnnamedKeyThatNeverExpires() {
    Reply issued = root.send("POST", "/admin/identities/alice/keys", noBody());

    assertThat(issued.status()).isEqualTo(201);
    assertThat(issued.json().get("expires_at").isNull()).isTrue();
  }

  @Test
  void givenAdmin_revokeKey_makesIt401() {
    String key = root.post("/admin/identities/alice/keys", "{}").json().get("key").stringValue();
    String prefix = key.substring(3, 11);

    Reply revoked = root.delete("/admin/keys/" + prefix);

    assertThat(revoked.status()).isEqualTo(200);
    assertThat(revoked.json().get("revoked_at").isNull()).isFalse();
    assertThat(api.withKey(key).get("/v4/models").status()).isEqualTo(401);
  }

  @Test
  void givenNonAdmin_adminRoutes_answer403() {
    assertThat(alice.get("/admin/identities").status()).isEqualTo(403);
    assertThat(alice.post("/admin/identities", "{\"id\": \"x\", \"display_name\": \"X\"}").status())
        .isEqualTo(403);
    assertThat(alice.patch("/admin/identities/alice", "{\"admin\": true}").status()).isEqualTo(403);
    assertThat(alice.get("/admin/audit").status()).isEqualTo(403);
    assertThat(alice.get("/admin/identities/root/keys").status()).isEqualTo(403);
    assertThat(alice.post("/admin/identities/root/keys", "{}").status()).isEqualTo(403);
    assertThat(alice.get("/admin/identities").json().get("detail").isString()).isTrue();
  }

  @Test
  void givenNonAdmin_ownKeys_mayBeIssuedListedAndRevoked() {
    Reply issued = alice.post("/admin/identities/alice/keys", "{\"name\": \"laptop\"}");
    String key = issued.json().get("key").stringValue();

    assertThat(issued.status()).isEqualTo(201);
    assertThat(alice.get("/admin/identities/alice/keys").json().get("items")).hasSize(2);
    assertThat(alice.delete("/admin/keys/" + key.substring(3, 11)).status()).isEqualTo(200);
    assertThat(api.withKey(key).get("/v4/models").status()).isEqualTo(401);
  }

  @Test
  void givenNonAdmin_revokeOthersKey_answers404() {
    String rootKey = root.post("/admin/identities/root/keys", "{}").json().get("key").stringValue();

    assertThat(alice.delete("/admin/keys/" + rootKey.substring(3, 11)).status()).isEqualTo(404);
    assertThat(api.withKey(rootKey).get("/v4/models").status()).isEqualTo(200);
  }

  @Test
  void givenMutations_audit_listsThemWithActorRouteAndStatus_butNotUnauthenticatedOnes() {
    alice.post("/v4/model-templates", Bodies.template("audited"));
    alice.delete("/v4/model-templates/nope");
    api.delete("/v4/model-templates/anonymous");
    // Nothing matched these: whatever their paths, they changed nothing and are not stored.
    assertThat(api.post("/nowhere/" + "x".repeat(200), "{}").status()).isEqualTo(401);
    assertThat(alice.post("/nowhere/" + "x".repeat(200), "{}").status()).isEqualTo(404);
    assertThat(alice.send("PUT", "/v4/models", noBody()).status()).isEqualTo(405);
    alice.get("/v4/model-templates");

    Reply audit = root.get("/admin/audit?page_size=10");

    assertThat(audit.status()).isEqualTo(200);
    JsonNode items = audit.json().get("items");
    // The keyless requests were refused (401) and are not stored: anyone could fill the log so.
    assertThat(audit.json().get("total").longValue()).isEqualTo(2);
    assertThat(items)
        .extracting(
            e ->
                (e.get("actor_id").isNull() ? "-" : e.get("actor_id").stringValue())
                    + " "
                    + e.get("action").stringValue()
                    + " "
                    + e.get("target").stringValue()
                    + " "
                    + e.get("status").intValue())
        .containsExactly(
            "alice DELETE /v4/model-templates/{model_template_id} /v4/model-templates/nope 404",
            "alice POST /v4/model-templates /v4/model-templates 200");
    assertThat(root.get("/admin/audit?actor=alice").json().get("items")).hasSize(2);
    assertThat(root.get("/admin/audit?page=0").status()).isEqualTo(422);
  }

  @Test
  void givenFixedLocalIdentity_adminRoutes_answer403AndMutationsAreAudited() {
    try (ApiFixture local = ApiFixture.start()) {
      assertThat(local.get("/admin/identities").status()).isEqualTo(403);
      local.post("/v4/model-templates", Bodies.template("local"));

      var entries =
          local
              .identity()
              .auditLog
              .list(java.util.Optional.empty(), java.util.Optional.empty(), 1, 10);
      assertThat(entries.items())
          .extracting(e -> e.actor().orElseThrow().userId() + " " + e.action() + " " + e.status())
          .containsExactly("local-user POST /v4/model-templates 200");
    }
  }

  private static java.net.http.HttpRequest.BodyPublisher noBody() {
    return java.net.http.HttpRequest.BodyPublishers.noBody();
  }
}
