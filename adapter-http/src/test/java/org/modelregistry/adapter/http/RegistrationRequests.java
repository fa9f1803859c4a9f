package org.modelregistry.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modelregistry.domain.registration.TestRegistrations.FILES;
import static org.modelregistry.domain.registration.TestRegistrations.signedUrl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.modelregistry.adapter.http.ApiFixture.Reply;
import org.modelregistry.domain.registration.TestRegistrations;
import tools.jackson.databind.JsonNode;

/** Bodies, URLs and checks shared by the registration route tests. */
final class RegistrationRequests {

  static final String NAME = TestRegistrations.NAME;
  static final String VERSION = TestRegistrations.VERSION;
  static final String MODEL_URL = versionUrl(NAME, VERSION);

  private RegistrationRequests() {}

  static String versionUrl(String name, String version) {
    return "/api/v1.0/model/" + name + "/" + version;
  }

  static String fileUrl(String file) {
    return MODEL_URL + "/files/" + file;
  }

  static String json(Map<String, Object> document) {
    return ApiFixture.JSON.writeValueAsString(document);
  }

  /** The full PUT body of the domain's test data, as JSON. */
  static String putBody() {
    return json(TestRegistrations.putBody());
  }

  /** The full PUT body with another model type and visibility. */
  static String putBody(String type, boolean isPrivate) {
    Map<String, Object> body = TestRegistrations.putBody();
    TestRegistrations.at(body, "model_config").put("type", type);
    TestRegistrations.at(body, "model_config").put("private", isPrivate);
    return json(body);
  }

  /** Lets the fake source serve every file of the full body. */
  static void serveAllFiles(RegistrationWorld world) {
    FILES.forEach(f -> world.fetcher.serve(signedUrl(f), RegistrationWorld.content(f)));
  }

  /** Registers {@code name}/{@code version} with the full body, failing unless it is accepted. */
  static JsonNode register(ApiFixture api, String name, String version, String body) {
    Reply reply = api.put(versionUrl(name, version), body);
    if (reply.status() != 202) {
      throw new AssertionError("register failed: " + reply.status() + " " + reply.body());
    }
    return reply.json();
  }

  /** Registers the full body and waits for its import to end, failing unless it is READY. */
  static JsonNode registerReady(ApiFixture api, String name, String version, String body) {
    Reply reply = api.put(versionUrl(name, version) + "?wait=true", body);
    if (reply.status() != 201 || !"READY".equals(reply.json().get("state").stringValue())) {
      throw new AssertionError("not READY: " + reply.status() + " " + reply.body());
    }
    return reply.json();
  }

  /**
   * The violations of a 422 in the registration shape as {@code "path.segments:type"}, after
   * checking the rest of the shape.
   */
  static List<String> pathsAndTypes(Reply reply) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(422);
    JsonNode body = reply.json();
    assertThat(body.get("status").asInt()).isEqualTo(422);
    assertThat(body.get("error").stringValue()).isEqualTo("validation_failed");
    assertThat(body.get("message").stringValue()).isNotBlank();
    List<String> result = new ArrayList<>();
    for (JsonNode violation : body.get("violations").values()) {
      List<String> path = new ArrayList<>();
      violation.get("path").values().forEach(segment -> path.add(segment.asString()));
      assertThat(violation.get("message").stringValue()).isNotBlank();
      result.add(String.join(".", path) + ":" + violation.get("type").stringValue());
    }
    return result;
  }

  /** Checks a non-422 error in the registration shape: status, code, a message, no violations. */
  static void assertError(Reply reply, int status, String code) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.contentType()).startsWith("application/json");
    JsonNode body = reply.json();
    assertThat(body.get("status").asInt()).isEqualTo(status);
    assertThat(body.get("error").stringValue()).isEqualTo(code);
    assertThat(body.get("message").stringValue()).isNotBlank();
    assertThat(body.has("violations")).isFalse();
    assertThat(body.has("detail")).isFalse();
  }

  /** The names of the files of a list answer's models, as {@code name/version} in order. */
  static List<String> versionsOf(Reply reply) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    List<String> result = new ArrayList<>();
    reply
        .json()
        .get("models")
        .values()
        .forEach(
            m -> result.add(m.get("name").stringValue() + "/" + m.get("version").stringValue()));
    return result;
  }
}
