package org.modelregistry.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modelregistry.adapter.http.WorkspaceReplies.locs;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.modelregistry.adapter.http.ApiFixture.Reply;

/**
 * The trust_remote_code matrix over HTTP: who may set the flag (administrator or not) against the
 * model's fileset source (approved Hugging Face organisation, approved bucket folder, other
 * repository, other folder of the approved bucket, the registry's own store, no fileset), on create
 * and on every patch that changes the fileset or the flag. The approved sources are {@link
 * WorkspaceWorld#APPROVED_SOURCES}.
 */
class TrustRemoteCodeRoutesTest {

  private static final String MODELS = "/apis/models/v2/workspaces/team/models";
  private static final String FILESETS = "/apis/files/v2/workspaces/team/filesets";

  private ApiFixture user;
  private ApiFixture admin;

  @BeforeEach
  void start() {
    user = ApiFixture.start();
    admin =
        ApiFixture.start(
            HttpSettings.forLocalIdentity(ApiFixture.LOCAL).withLocalIdentityAdmin(true));
    for (ApiFixture api : List.of(user, admin)) {
      fileset(
          api, "hf-approved", "{\"type\": \"huggingface\", \"repo_id\": \"approved-org/llama\"}");
      fileset(api, "hf-other", "{\"type\": \"huggingface\", \"repo_id\": \"other-org/llama\"}");
      fileset(
          api,
          "s3-approved",
          "{\"type\": \"s3\", \"bucket\": \"trusted\", \"prefix\": \"models/x\"}");
      fileset(
          api,
          "s3-other",
          "{\"type\": \"s3\", \"bucket\": \"trusted\", \"prefix\": \"datasets/x\"}");
      fileset(api, "local", null);
    }
  }

  @AfterEach
  void stop() {
    user.close();
    admin.close();
  }

  private static void fileset(ApiFixture api, String name, String storage) {
    // No storage: the registry's own store.
    String body =
        storage == null
            ? "{\"name\": \"%s\"}".formatted(name)
            : "{\"name\": \"%s\", \"storage\": %s}".formatted(name, storage);
    Reply created = api.post(FILESETS, body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
  }

  private static String withFileset(String fileset) {
    return fileset.equals("none") ? "" : ", \"fileset\": \"team/" + fileset + "\"";
  }

  @ParameterizedTest(name = "create by {0} on {1}: {2}")
  @CsvSource({
    "user, hf-approved, 201",
    "user, s3-approved, 201",
    "user, hf-other, 422",
    "user, s3-other, 422",
    "user, local, 422",
    "user, none, 422",
    "admin, hf-approved, 201",
    "admin, s3-approved, 201",
    "admin, hf-other, 201",
    "admin, s3-other, 201",
    "admin, local, 201",
    "admin, none, 201"
  })
  void create_withTheFlag_followsTheMatrix(String caller, String fileset, int expected) {
    ApiFixture api = caller.equals("admin") ? admin : user;

    Reply reply =
        api.post(
            MODELS,
            "{\"name\": \"m\", \"trust_remote_code\": true%s}".formatted(withFileset(fileset)));

    assertThat(reply.status()).as(reply.body()).isEqualTo(expected);
    if (expected == 422) {
      assertThat(locs(reply)).containsExactly(List.of("body", "trust_remote_code"));
      assertThat(WorkspaceReplies.message(reply, List.of("body", "trust_remote_code")))
          .contains("trust_remote_code");
      assertThat(api.get(MODELS + "/m").status()).isEqualTo(404);
    } else {
      assertThat(reply.json().get("trust_remote_code").booleanValue()).isTrue();
    }
  }

  @ParameterizedTest(name = "create by {0} without the flag on {1}")
  @CsvSource({"user, hf-other", "user, local", "user, none", "admin, s3-other"})
  void create_withoutTheFlag_isAlwaysAllowed(String caller, String fileset) {
    ApiFixture api = caller.equals("admin") ? admin : user;

    Reply reply =
        api.post(
            MODELS,
            "{\"name\": \"m\", \"trust_remote_code\": false%s}".formatted(withFileset(fileset)));

    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
  }

  @ParameterizedTest(name = "patch by {0}: trusted model moved to {1}: {2}")
  @CsvSource({
    "user, s3-approved, 200",
    "user, hf-other, 422",
    "user, local, 422",
    "admin, hf-other, 200",
    "admin, local, 200"
  })
  void patch_movingATrustedModelToAnotherFileset_isRecheckedAgainstItsSource(
      String caller, String fileset, int expected) {
    ApiFixture api = caller.equals("admin") ? admin : user;
    assertThat(
            api.post(
                    MODELS,
                    "{\"name\": \"m\", \"fileset\": \"team/hf-approved\", \"trust_remote_code\": true}")
                .status())
        .isEqualTo(201);

    Reply reply = api.patch(MODELS + "/m", "{\"fileset\": \"team/" + fileset + "\"}");

    assertThat(reply.status()).as(reply.body()).isEqualTo(expected);
    String kept = api.get(MODELS + "/m").json().get("fileset").stringValue();
    assertThat(kept).isEqualTo(expected == 200 ? "team/" + fileset : "team/hf-approved");
  }

  @ParameterizedTest(name = "patch by {0}: flag on for a model on {1}: {2}")
  @CsvSource({
    "user, hf-approved, 200",
    "user, hf-other, 422",
    "user, none, 422",
    "admin, hf-other, 200",
    "admin, none, 200"
  })
  void patch_turningTheFlagOn_isCheckedAgainstTheCurrentFileset(
      String caller, String fileset, int expected) {
    ApiFixture api = caller.equals("admin") ? admin : user;
    assertThat(api.post(MODELS, "{\"name\": \"m\"%s}".formatted(withFileset(fileset))).status())
        .isEqualTo(201);

    Reply reply = api.patch(MODELS + "/m", "{\"trust_remote_code\": true}");

    assertThat(reply.status()).as(reply.body()).isEqualTo(expected);
    assertThat(api.get(MODELS + "/m").json().get("trust_remote_code").booleanValue())
        .isEqualTo(expected == 200);
  }

  @Test
  void patch_thatTouchesNeitherFilesetNorFlag_keepsAnAdminGrantedFlag() {
    assertThat(
            admin
                .post(
                    MODELS,
                    "{\"name\": \"m\", \"fileset\": \"team/hf-other\", \"trust_remote_code\": true}")
                .status())
        .isEqualTo(201);

    // The same model seen by a non-administrator: a description change is not a trust decision.
    Reply reply = admin.patch(MODELS + "/m", "{\"description\": \"new words\"}");

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().get("trust_remote_code").booleanValue()).isTrue();
  }

  @Test
  void patch_turningTheFlagOff_isAlwaysAllowed() {
    assertThat(
            admin
                .post(
                    MODELS,
                    "{\"name\": \"m\", \"fileset\": \"team/hf-other\", \"trust_remote_code\": true}")
                .status())
        .isEqualTo(201);

    Reply reply = admin.patch(MODELS + "/m", "{\"trust_remote_code\": false}");

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().get("trust_remote_code").booleanValue()).isFalse();
  }
}
