package org.modelregistry.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modelregistry.adapter.http.ApiFixture.Reply;
import org.modelregistry.domain.identity.Identity;

class AuthenticationRoutesTest {

  private static final String CHALLENGE = "Bearer realm=\"model-registry\"";
  private static final String WELL_FORMED_UNKNOWN = "mr_AAAAAAAA_" + "A".repeat(43);

  private ApiFixture api;
  private Identity alice;

  @BeforeEach
  void start() {
    api = ApiFixture.startAuthenticated(3, Duration.ofMinutes(1));
    alice = api.identity().store("alice", false);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void givenNoKey_get_answers401WithChallengeInTheTemplateFamilyShape() {
    Reply reply = api.get("/v4/model-templates");

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.header("WWW-Authenticate")).isEqualTo(CHALLENGE);
    assertThat(reply.json().get("detail").stringValue()).isEqualTo("an API key is required");
  }

  @Test
  void givenNoKey_registrationRoute_answers401InTheRegistrationShape() {
    Reply reply = api.get("/api/v1.0/models");

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.header("WWW-Authenticate")).isEqualTo(CHALLENGE);
    assertThat(reply.json().get("status").intValue()).isEqualTo(401);
    assertThat(reply.json().get("error").stringValue()).isEqualTo("unauthorized");
  }

  @Test
  void givenBadKey_get_answers401WithChallenge() {
    for (String bad : new String[] {"nonsense", WELL_FORMED_UNKNOWN}) {
      Reply reply = api.withKey(bad).get("/v4/model-templates");

      assertThat(reply.status()).isEqualTo(401);
      assertThat(reply.header("WWW-Authenticate")).isEqualTo(CHALLENGE);
      assertThat(reply.json().get("detail").stringValue()).isEqualTo("the API key is not valid");
    }
  }

  @Test
  void givenValidKey_bearerAndXApiKey_bothAuthenticateAndCreateAsTheIdentity() {
    String key = api.identity().keyFor(alice);

    Reply viaHeader = api.withKey(key).post("/v4/model-templates", Bodies.template("one"));
    Reply viaBearer =
        api.with("Authorization", "Bearer " + key)
            .post("/v4/model-templates", Bodies.template("two"));

    assertThat(viaHeader.status()).isEqualTo(200);
    assertThat(viaBearer.status()).isEqualTo(200);
    assertThat(viaHeader.json().get("created_by_user_id").stringValue()).isEqualTo("alice");
    assertThat(viaBearer.json().get("created_by_user_id").stringValue()).isEqualTo("alice");
  }

  @Test
  void givenRevokedKey_get_answers401() {
    String key = api.identity().keyFor(alice);
    assertThat(api.withKey(key).get("/v4/model-templates").status()).isEqualTo(200);

    api.identity().useCases().revokeKey().revoke(alice, key.substring(3, 11));

    Reply reply = api.withKey(key).get("/v4/model-templates");
    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.header("WWW-Authenticate")).isEqualTo(CHALLENGE);
  }

  @Test
  void givenExpiredKey_get_answers401() {
    String key = api.identity().keyFor(alice, Duration.ofHours(1));
    assertThat(api.withKey(key).get("/v4/model-templates").status()).isEqualTo(200);

    api.identity().clock.advance(Duration.ofHours(1));

    Reply reply = api.withKey(key).get("/v4/model-templates");
    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.header("WWW-Authenticate")).isEqualTo(CHALLENGE);
  }

  @Test
  void givenRepeatedBadKeys_request_answers429UntilTheWindowRefills_butValidKeysStillWork() {
    String good = api.identity().keyFor(alice);
    for (int i = 0; i < 3; i++) {
      assertThat(api.withKey(WELL_FORMED_UNKNOWN).get("/v4/models").status()).isEqualTo(401);
    }

    Reply limited = api.withKey(WELL_FORMED_UNKNOWN).get("/v4/models");

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isEqualTo("20");
    assertThat(limited.json().get("detail").stringValue()).contains("too many");
    // Another client behind the same address is not locked out by them.
    assertThat(api.withKey(good).get("/v4/models").status()).isEqualTo(200);

    api.identity().clock.advance(Duration.ofSeconds(20));
    assertThat(api.withKey(WELL_FORMED_UNKNOWN).get("/v4/models").status()).isEqualTo(401);
    assertThat(api.withKey(WELL_FORMED_UNKNOWN).get("/v4/models").status()).isEqualTo(429);

    api.identity().clock.advance(Duration.ofMinutes(1));
    assertThat(api.withKey(WELL_FORMED_UNKNOWN).get("/v4/models").status()).isEqualTo(401);
  }

  @Test
  void givenMissingKeys_request_isNotRateLimited() {
    for (int i = 0; i < 5; i++) {
      assertThat(api.get("/v4/models").status()).isEqualTo(401);
    }
    assertThat(api.withKey(api.identity().keyFor(alice)).get("/v4/models").status()).isEqualTo(200);
  }

  @Test
  void givenAnyAttempt_logs_neverHoldTheKey() {
    String good = api.identity().keyFor(alice);
    String bad = good.substring(0, good.length() - 2) + "AA";
    try (CapturedLogs logs = new CapturedLogs()) {
      api.withKey(good).post("/v4/model-templates", Bodies.template("logged"));
      api.withKey(bad).get("/v4/models");
      api.with("Authorization", "Bearer " + bad).get("/v4/models");

      assertThat(logs.lines()).isNotEmpty();
      assertThat(String.join("\n", logs.lines()))
          .doesNotContain(good)
          .doesNotContain(bad)
          .doesNotContain(good.substring(12));
    }
  }
}
