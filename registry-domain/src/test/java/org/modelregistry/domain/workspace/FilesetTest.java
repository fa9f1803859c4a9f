package org.modelregistry.domain.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modelregistry.domain.testdata.TestViolations.violation;
import static org.modelregistry.domain.testdata.TestViolations.violationsOf;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modelregistry.domain.error.Violation;
import org.modelregistry.domain.naming.FilePath;

class FilesetTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant T1 = Instant.parse("2026-01-02T00:00:00Z");
  private static final WorkspaceName WS = new WorkspaceName("default");

  private static Fileset fileset() {
    return Fileset.create(
        WS,
        new EntityName("ckpt"),
        "weights",
        "team",
        FilesetPurpose.MODEL,
        Map.of("model", Map.of("x", 1)),
        Map.of("owner", "me"),
        null,
        T0);
  }

  @Test
  void givenNoPurposeNorStorage_create_defaultsToGenericAndLocal() {
    var fileset = Fileset.create(WS, new EntityName("f"), null, null, null, null, null, null, T0);
    assertThat(fileset.purpose()).isEqualTo(FilesetPurpose.GENERIC);
    assertThat(fileset.storage()).isEqualTo(new FilesetStorage.Local());
    assertThat(fileset.storage().type()).isEqualTo("local");
    assertThat(fileset.metadata()).isEmpty();
    assertThat(fileset.customFields()).isEmpty();
    assertThat(fileset.ref()).hasToString("default/f");
  }

  @Test
  void givenNoNameAndLongTexts_create_reportsEachAtItsPath() {
    assertThat(
            violationsOf(
                () ->
                    Fileset.create(
                        WS, null, "d".repeat(256), "p".repeat(256), null, null, null, null, T0)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("missing", "name"),
            violation("string_too_long", "description"),
            violation("string_too_long", "project"));
  }

  @Test
  void givenAMutableMap_create_copiesIt() {
    var fields = new HashMap<String, Object>(Map.of("a", 1));
    var fileset = Fileset.create(WS, new EntityName("f"), null, null, null, null, fields, null, T0);
    fields.put("b", 2);
    assertThat(fileset.customFields()).containsOnlyKeys("a");
    assertThatThrownBy(() -> fileset.customFields().put("c", 3))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void givenAnEmptyPatch_apply_keepsEverything() {
    var patched = fileset().apply(new FilesetPatch(null, null, null, null, null), T1);
    assertThat(patched).usingRecursiveComparison().ignoringFields("updatedAt").isEqualTo(fileset());
    assertThat(patched.updatedAt()).isEqualTo(T1);
    assertThat(patched.createdAt()).isEqualTo(T0);
  }

  @Test
  void givenSomeFields_apply_changesOnlyThose() {
    var patched =
        fileset()
            .apply(
                new FilesetPatch("new", null, FilesetPurpose.DATASET, null, Map.of("k", "v")), T1);
    assertThat(patched.description()).isEqualTo("new");
    assertThat(patched.purpose()).isEqualTo(FilesetPurpose.DATASET);
    assertThat(patched.customFields()).containsExactly(Map.entry("k", "v"));
    assertThat(patched.project()).isEqualTo("team");
    assertThat(patched.metadata()).isEqualTo(fileset().metadata());
  }

  @Test
  void givenS3Storage_s3_validatesAndNamesItsSource() {
    var s3 =
        new FilesetStorage.S3(
            "my-bucket",
            new FilePath("models/llama"),
            "eu-west-1",
            "http://localhost:9000",
            new SecretRef("aws-id"),
            new SecretRef("team/aws-secret"));
    assertThat(s3.sourceUri()).isEqualTo("s3+http://localhost:9000/my-bucket/models/llama");
    assertThat(s3.type()).isEqualTo("s3");
    assertThat(new FilesetStorage.S3("my-bucket", null, null, null, null, null).sourceUri())
        .isEqualTo("s3://my-bucket");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ab", "UPPER", "-bucket", "bucket-", "a..b", "bu_cket", "b/x"})
  void givenABadBucket_s3_rejectsAtBucket(String bucket) {
    assertThat(violationsOf(() -> new FilesetStorage.S3(bucket, null, null, null, null, null)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("string_pattern_mismatch", "bucket"));
  }

  @Test
  void givenNoBucketABadEndpointAndHalfTheCredentials_s3_reportsEach() {
    assertThat(
            violationsOf(
                () ->
                    new FilesetStorage.S3(
                        null, null, null, "file:///x", new SecretRef("id"), null)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("missing", "bucket"),
            violation("url_scheme", "endpoint_url"),
            violation("missing", "secret_access_key_secret"));
  }

  @Test
  void givenATraversingPrefix_filePath_rejectsItBeforeS3() {
    assertThat(violationsOf(() -> new FilePath("models/../secret")))
        .extracting(Violation::type)
        .containsExactly("path_invalid");
  }

  @Test
  void givenHuggingFaceDefaults_huggingFace_fillsRevisionAndEndpoint() {
    var hf = new FilesetStorage.HuggingFace("meta-llama/Llama-2-7b", null, null, null);
    assertThat(hf.revision()).isEqualTo("main");
    assertThat(hf.endpoint()).isEqualTo("https://huggingface.co");
    assertThat(hf.sourceUri()).isEqualTo("hf://meta-llama/Llama-2-7b");
    assertThat(hf.type()).isEqualTo("huggingface");
    var local =
        new FilesetStorage.HuggingFace(
            "gpt2", "refs/pr/1", "http://127.0.0.1:8080", new SecretRef("hf-token"));
    assertThat(local.tokenSecret()).hasToString("hf-token");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a/b/c", "../x", "org/..", "", "org/", "a b/c", "org/na?me"})
  void givenABadRepoId_huggingFace_rejectsAtRepoId(String repoId) {
    assertThat(violationsOf(() -> new FilesetStorage.HuggingFace(repoId, null, null, null)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("string_pattern_mismatch", "repo_id"));
  }

  @Test
  void givenABadRevisionAndEndpoint_huggingFace_reportsBoth() {
    assertThat(
            violationsOf(
                () -> new FilesetStorage.HuggingFace(null, "../main", "ftp://hub.example", null)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("missing", "repo_id"),
            violation("string_pattern_mismatch", "revision"),
            violation("url_scheme", "endpoint"));
  }
}
