package org.modelregistry.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modelregistry.adapter.http.RegistrationRequests.MODEL_URL;
import static org.modelregistry.adapter.http.RegistrationRequests.assertError;
import static org.modelregistry.adapter.http.RegistrationRequests.fileUrl;
import static org.modelregistry.adapter.http.RegistrationRequests.json;
import static org.modelregistry.adapter.http.RegistrationRequests.putBody;
import static org.modelregistry.adapter.http.RegistrationRequests.serveAllFiles;
import static org.modelregistry.domain.registration.TestRegistrations.PASSWORD;
import static org.modelregistry.domain.registration.TestRegistrations.SIGNATURE;
import static org.modelregistry.domain.registration.TestRegistrations.SIGNED_QUERY;
import static org.modelregistry.domain.registration.TestRegistrations.signedUrl;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modelregistry.adapter.http.ApiFixture.Reply;
import org.modelregistry.domain.registration.TestRegistrations;
import org.modelregistry.ports.in.RegistrationUseCases;
import org.modelregistry.ports.in.RegistryUseCases;
import org.modelregistry.ports.out.memory.ScriptedSourceFetcher;

/**
 * The registration family's error shape for every failure on its routes, from Javalin's own (404,
 * 405) to the body reader's (400, 413, 415) and the registry's (422, 500), and the secrets of a
 * registration kept out of every response and log line.
 */
class RegistrationErrorsTest {

  private static final int SMALL_LIMIT = 4096;

  private ApiFixture api;

  @BeforeEach
  void start() {
    api =
        ApiFixture.start(
            HttpSettings.forLocalIdentity(ApiFixture.LOCAL).withMaxRequestBodyBytes(SMALL_LIMIT));
    serveAllFiles(api.registrations());
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void givenInvalidQuery_get_answersTheExactValidationShape() {
    Reply reply = api.get("/api/v1.0/models?limit=0");

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.contentType()).startsWith("application/json");
    assertThat(reply.json())
        .isEqualTo(
            ApiFixture.json(
                """
                {"status": 422, "error": "validation_failed",
                 "message": "the request has 1 invalid value",
                 "violations": [{"path": ["query", "limit"], "type": "greater_than_equal",
                                 "message": "limit must be at least 1"}]}
                """));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"model_config\": ", "{\"a\": 1, \"a\": 2}", "{} {}", "{'a': 1}"})
  void givenMalformedJson_put_answers400WithoutEchoingTheBody(String body) {
    Reply reply = api.put(MODEL_URL, body);

    assertError(reply, 400, "bad_request");
    assertThat(reply.json().get("message").stringValue()).startsWith("body is not valid JSON");
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "\"model\"", "42", "null", ""})
  void givenBodyThatIsNotAJsonObject_putPostAndPatch_answer400(String body) {
    assertError(api.put(MODEL_URL, body), 400, "bad_request");
    assertError(api.post("/api/add_models", body), 400, "bad_request");
    assertError(api.patch(MODEL_URL, body), 400, "bad_request");
  }

  @Test
  void givenNoJsonContentType_putPostAndPatch_answer415() {
    Reply put =
        api.send(
            "PUT", MODEL_URL, BodyPublishers.ofString(putBody()), "Content-Type", "text/plain");
    Reply post = api.send("POST", "/api/add_models", BodyPublishers.ofString("{}"));
    Reply patch =
        api.send(
            "PATCH",
            MODEL_URL,
            BodyPublishers.ofString("{}"),
            "Content-Type",
            "application/x-www-form-urlencoded");

    assertError(put, 415, "unsupported_media_type");
    assertThat(put.json().get("message").stringValue())
        .isEqualTo("Content-Type must be application/json");
    assertError(post, 415, "unsupported_media_type");
    assertError(patch, 415, "unsupported_media_type");
  }

  @Test
  void givenBodyOverTheLimit_putDeclaredOrChunked_answers413AndRegistersNothing() {
    String big = putBody() + " ".repeat(SMALL_LIMIT);
    byte[] bytes = big.getBytes(StandardCharsets.UTF_8);

    Reply declared = api.put(MODEL_URL, big);
    Reply chunked =
        api.send(
            "PUT",
            MODEL_URL,
            BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)),
            "Content-Type",
            "application/json");

    assertError(declared, 413, "payload_too_large");
    assertThat(declared.json().get("message").stringValue())
        .isEqualTo("body must be at most " + SMALL_LIMIT + " bytes");
    assertError(chunked, 413, "payload_too_large");
    assertError(api.get(MODEL_URL), 404, "not_found");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api",
        "/api/nothing",
        "/api/v1.0/model",
        "/api/v1.0/model/a/1/b/c",
        "/api/v1.0/models/x",
        "/api/add_models/x",
        "/api/v2/model/a/1"
      })
  void givenUnknownRouteUnderApi_get_answers404InTheRegistrationShape(String path) {
    Reply reply = api.get(path);

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.json())
        .isEqualTo(
            ApiFixture.json(
                "{\"status\": 404, \"error\": \"not_found\", \"message\": \"Not Found\"}"));
  }

  @Test
  void givenPathOutsideApi_get_keepsTheTemplateFamilyShape() {
    assertThat(api.get("/apis/anything").json())
        .isEqualTo(ApiFixture.json("{\"detail\": \"Not Found\"}"));
    assertThat(api.get("/api-docs").json())
        .isEqualTo(ApiFixture.json("{\"detail\": \"Not Found\"}"));
  }

  @Test
  void givenKnownPathWithOtherMethod_send_answers405WithAllow() {
    Reply onVersion = api.send("POST", MODEL_URL, BodyPublishers.noBody());
    Reply onLegacy = api.get("/api/add_models");
    Reply onList = api.delete("/api/v1.0/models");
    Reply onFile = api.send("PUT", fileUrl("a.bin"), BodyPublishers.noBody());

    assertError(onVersion, 405, "method_not_allowed");
    assertThat(onVersion.json().get("message").stringValue()).isEqualTo("Method Not Allowed");
    assertThat(onVersion.header("Allow").split(", "))
        .containsExactlyInAnyOrder("GET", "HEAD", "PUT", "PATCH", "DELETE");
    assertError(onLegacy, 405, "method_not_allowed");
    assertThat(onLegacy.header("Allow")).isEqualTo("POST");
    assertError(onList, 405, "method_not_allowed");
    assertThat(onList.header("Allow").split(", ")).containsExactlyInAnyOrder("GET", "HEAD");
    assertError(onFile, 405, "method_not_allowed");
    assertThat(onFile.header("Allow").split(", ")).containsExactlyInAnyOrder("GET", "HEAD");
  }

  @Test
  void givenUseCaseFailingUnexpectedly_get_answers500WithoutInternals() {
    try (var failing =
        ApiFixture.start(
            HttpSettings.forLocalIdentity(ApiFixture.LOCAL),
            real -> {
              RegistrationUseCases r = real.registration();
              return new RegistryUseCases(
                  real.createTemplate(),
                  real.getTemplate(),
                  real.listTemplates(),
                  real.deleteTemplate(),
                  real.createModel(),
                  real.getModel(),
                  real.listModels(),
                  real.updateModel(),
                  real.deleteModel(),
                  new RegistrationUseCases(
                      r.register(),
                      r.get(),
                      query -> {
                        throw new IllegalStateException("connection to db-secret-host refused");
                      },
                      r.update(),
                      r.delete(),
                      r.readFile()),
                  real.workspace(),
                  real.identity());
            })) {

      Reply reply = failing.get("/api/v1.0/models");

      assertThat(reply.status()).isEqualTo(500);
      assertThat(reply.json())
          .isEqualTo(
              ApiFixture.json(
                  """
                  {"status": 500, "error": "internal_error", "message": "Internal Server Error"}
                  """));
      assertThat(reply.body()).doesNotContain("db-secret-host").doesNotContain("IllegalState");
    }
  }

  @Test
  void givenEveryKindOfRegistrationTraffic_noResponseOrLogLine_showsASecret() {
    RegistrationWorld world = api.registrations();
    List<Reply> replies = new ArrayList<>();
    List<String> lines;
    try (var logs = new CapturedLogs()) {
      // a full registration, read back every way
      replies.add(api.put(MODEL_URL + "?wait=true", putBody()));
      replies.add(api.get(MODEL_URL));
      replies.add(api.get(MODEL_URL + "/local-user"));
      replies.add(api.get("/api/v1.0/model/" + TestRegistrations.NAME));
      replies.add(api.get("/api/v1.0/models"));
      replies.add(api.patch(MODEL_URL, "{\"model_config\": {\"private\": false}}"));
      replies.add(api.get(fileUrl("inference.py")));
      // a legacy registration
      replies.add(api.post("/api/add_models", json(TestRegistrations.legacyBody())));
      // a source that fails twice, naming its signed URL, then serves
      String flaky = signedUrl("flaky.bin");
      world.fetcher.answer(
          flaky,
          new ScriptedSourceFetcher.Failure("connection reset reading " + flaky, true),
          new ScriptedSourceFetcher.Failure("timeout reading " + flaky, true),
          new ScriptedSourceFetcher.Body(new byte[] {7}, 1, null));
      replies.add(
          api.put("/api/v1.0/model/flaky/1?wait=true", bodyWith("pytorch_model.bin", flaky)));
      // a source that answers 404 for good, naming its signed URL
      String gone = signedUrl("gone.bin");
      world.fetcher.answer(
          gone, new ScriptedSourceFetcher.Failure("GET " + gone + " returned 404", false));
      replies.add(api.put("/api/v1.0/model/gone/1?wait=true", bodyWith("pytorch_model.bin", gone)));
      // a blocked host, a bad key, a URL that does not parse, a duplicate
      world.fetcher.refuseHost("169.254.169.254");
      replies.add(
          api.put(
              "/api/v1.0/model/blocked/1",
              bodyWith("pytorch_model.bin", "https://169.254.169.254/x?" + SIGNED_QUERY)));
      replies.add(api.put("/api/v1.0/model/badkey/1", bodyWith("../x", signedUrl("x"))));
      replies.add(
          api.put(
              "/api/v1.0/model/badurl/1",
              bodyWith("pytorch_model.bin", "ht tp://bad host/x?" + SIGNED_QUERY)));
      replies.add(api.put(MODEL_URL, putBody()));
      // bodies that do not parse, carrying the password
      replies.add(api.put(MODEL_URL, "{\"password\": \"" + PASSWORD + "\", "));
      replies.add(api.put(MODEL_URL, "{\"p\": \"" + PASSWORD + "\", \"p\": \"" + PASSWORD + "\"}"));
      lines = logs.lines();
    }

    assertThat(replies).allSatisfy(reply -> assertNoSecret(reply.body()));
    assertThat(replies).allSatisfy(reply -> assertNoSecret(reply.headers().map().toString()));
    assertThat(lines).allSatisfy(RegistrationErrorsTest::assertNoSecret);
    assertThat(lines).anyMatch(line -> line.contains("gone.bin"));
    assertThat(replies.get(0).json().get("state").stringValue()).isEqualTo("READY");
    assertThat(replies.get(8).json().get("state").stringValue()).isEqualTo("READY");
  }

  /** The full body with {@code key} of {@code model_files} pointing at {@code url}. */
  private static String bodyWith(String key, String url) {
    Map<String, Object> body = TestRegistrations.putBody();
    TestRegistrations.at(body, "model_files").put(key, url);
    return json(body);
  }

  private static void assertNoSecret(String text) {
    assertThat(text)
        .doesNotContain(SIGNATURE)
        .doesNotContain("sv=2024-05-04")
        .doesNotContain("se=2030-01-01")
        .doesNotContain(PASSWORD);
  }
}
