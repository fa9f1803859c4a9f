package org.modelregistry.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modelregistry.adapter.http.ApiFixture.json;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modelregistry.adapter.http.ApiFixture.Reply;
import org.modelregistry.ports.in.RegistryUseCases;

/** Failures before a body reaches validation, and failures that are not the client's. */
class TransportErrorsTest {

  private static final int SMALL_LIMIT = 512;

  private ApiFixture api;

  @BeforeEach
  void start() {
    api =
        ApiFixture.start(
            HttpSettings.forLocalIdentity(ApiFixture.LOCAL).withMaxRequestBodyBytes(SMALL_LIMIT));
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void givenMalformedJson_post_answers422JsonInvalidAtBody() {
    Reply reply = api.post("/v4/models", "{\"name\": ");

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.json())
        .isEqualTo(
            json(
                """
                {"detail": [{"loc": ["body"], "msg": "body is not valid JSON (line 1, column 10)",
                             "type": "json_invalid"}]}
                """));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{} {}", "{\"a\": 1,}", "{'a': 1}", "{\"a\": NaN}"})
  void givenNotExactlyOneJsonValue_post_answers422JsonInvalid(String body) {
    Reply reply = api.post("/v4/models", body);

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.json().get("detail").get(0).get("type").stringValue())
        .isEqualTo("json_invalid");
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "\"model\"", "42", "null", "true"})
  void givenJsonThatIsNotAnObject_post_answers422AtBody(String body) {
    Reply reply = api.post("/v4/model-templates", body);

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.json())
        .isEqualTo(
            json(
                """
                {"detail": [{"loc": ["body"], "msg": "body must be a JSON object", "type": "dict_type"}]}
                """));
  }

  @Test
  void givenNoBody_post_answers422MissingBody() {
    Reply reply = api.post("/v4/models", "");

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.json())
        .isEqualTo(
            json(
                """
                {"detail": [{"loc": ["body"], "msg": "a JSON object body is required", "type": "missing"}]}
                """));
  }

  @Test
  void givenNoContentType_post_answers415InTheDetailShape() {
    Reply reply = api.send("POST", "/v4/models", BodyPublishers.ofString(Bodies.model("m")));

    assertThat(reply.status()).isEqualTo(415);
    assertThat(reply.json())
        .isEqualTo(
            json(
                """
                {"detail": [{"loc": ["header", "content-type"],
                             "msg": "Content-Type must be application/json",
                             "type": "unsupported_media_type"}]}
                """));
  }

  @ParameterizedTest
  @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/jsonp"})
  void givenOtherContentType_postAndPatch_answer415(String contentType) {
    String id = api.createModel(Bodies.model("m"));

    Reply post =
        api.send(
            "POST",
            "/v4/model-templates",
            BodyPublishers.ofString(Bodies.template("t")),
            "Content-Type",
            contentType);
    Reply patch =
        api.send(
            "PATCH",
            "/v4/models/" + id,
            BodyPublishers.ofString("{}"),
            "Content-Type",
            contentType);

    assertThat(post.status()).isEqualTo(415);
    assertThat(patch.status()).isEqualTo(415);
    assertThat(post.json().get("detail").get(0).get("type").stringValue())
        .isEqualTo("unsupported_media_type");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/json; charset=utf-8",
        "APPLICATION/JSON",
        "application/merge-patch+json"
      })
  void givenJsonContentTypeVariant_post_isAccepted(String contentType) {
    Reply reply =
        api.send(
            "POST",
            "/v4/models",
            BodyPublishers.ofString(Bodies.model("m")),
            "Content-Type",
            contentType);

    assertThat(reply.status()).isEqualTo(200);
  }

  @Test
  void givenDeclaredLengthOverTheLimit_post_answers413InTheDetailShape() {
    String body = padded(Bodies.model("m"), SMALL_LIMIT + 1);

    Reply reply = api.post("/v4/models", body);

    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.json())
        .isEqualTo(
            json(
                """
                {"detail": [{"loc": ["body"], "msg": "body must be at most 512 bytes",
                             "type": "content_too_large"}]}
                """));
    assertThat(api.get("/v4/models").json().get("total_item_count").asInt()).isZero();
  }

  @Test
  void givenChunkedBodyOverTheLimit_post_answers413() {
    byte[] body = padded(Bodies.model("m"), SMALL_LIMIT + 1).getBytes(StandardCharsets.UTF_8);

    Reply reply =
        api.send(
            "POST",
            "/v4/models",
            BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)),
            "Content-Type",
            "application/json");

    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.json().get("detail").get(0).get("type").stringValue())
        .isEqualTo("content_too_large");
  }

  @Test
  void givenBodyOfExactlyTheLimit_post_isAccepted() {
    String body = padded(Bodies.model("m"), SMALL_LIMIT);

    Reply declared = api.post("/v4/models", body);
    Reply chunked =
        api.send(
            "POST",
            "/v4/models",
            BodyPublishers.ofInputStream(
                () ->
                    new ByteArrayInputStream(
                        padded(Bodies.model("m2"), SMALL_LIMIT).getBytes(StandardCharsets.UTF_8))),
            "Content-Type",
            "application/json");

    assertThat(declared.status()).isEqualTo(200);
    assertThat(chunked.status()).isEqualTo(200);
  }

  @Test
  void givenDefaultSettings_limit_isOneMebibyte() {
    assertThat(HttpSettings.forLocalIdentity(ApiFixture.LOCAL).maxRequestBodyBytes())
        .isEqualTo(1_048_576L);
  }

  @Test
  void givenUnknownRoute_get_answers404NotFound() {
    Reply reply = api.get("/v4/nothing-here");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.json()).isEqualTo(json("{\"detail\": \"Not Found\"}"));
  }

  @Test
  void givenKnownPathWithOtherMethod_send_answers405WithAllowedMethods() {
    Reply reply = api.send("PUT", "/v4/models", BodyPublishers.noBody());

    assertThat(reply.status()).isEqualTo(405);
    assertThat(reply.json()).isEqualTo(json("{\"detail\": \"Method Not Allowed\"}"));
    assertThat(reply.headers().firstValue("Allow").orElseThrow().split(", "))
        .containsExactlyInAnyOrder("GET", "HEAD", "POST");
  }

  @Test
  void givenPatchOnTemplate_send_answers405() {
    Reply reply = api.patch("/v4/model-templates/x", "{}");

    assertThat(reply.status()).isEqualTo(405);
  }

  @Test
  void givenUseCaseFailingUnexpectedly_get_answers500WithoutInternals() {
    try (var failing =
        ApiFixture.start(
            HttpSettings.forLocalIdentity(ApiFixture.LOCAL),
            real ->
                new RegistryUseCases(
                    real.createTemplate(),
                    (caller, id) -> {
                      throw new IllegalStateException("connection to db-secret-host refused");
                    },
                    real.listTemplates(),
                    real.deleteTemplate(),
                    real.createModel(),
                    real.getModel(),
                    real.listModels(),
                    real.updateModel(),
                    real.deleteModel(),
                    real.registration(),
                    real.workspace(),
                    real.identity()))) {

      Reply reply = failing.get("/v4/model-templates/any");

      assertThat(reply.status()).isEqualTo(500);
      assertThat(reply.json()).isEqualTo(json("{\"detail\": \"Internal Server Error\"}"));
      assertThat(reply.body()).doesNotContain("db-secret-host").doesNotContain("IllegalState");
    }
  }

  /** {@code json} followed by spaces up to exactly {@code bytes} bytes. */
  private static String padded(String json, int bytes) {
    String compact = json.strip();
    return compact + " ".repeat(bytes - compact.getBytes(StandardCharsets.UTF_8).length);
  }
}
