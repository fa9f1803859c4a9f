package org.modelregistry.domain.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modelregistry.domain.testdata.TestViolations.violation;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.modelregistry.domain.error.Violation;
import org.modelregistry.domain.error.Violations;
import org.modelregistry.domain.naming.FilePath;

class TrustRemoteCodePolicyTest {

  private static final TrustRemoteCodePolicy POLICY =
      TrustRemoteCodePolicy.of("s3://approved/models/*", "hf://trusted-org/*");

  private static final String APPROVED_S3 =
      new FilesetStorage.S3("approved", new FilePath("models/llama"), null, null, null, null)
          .sourceUri();
  private static final String APPROVED_HF =
      new FilesetStorage.HuggingFace("trusted-org/model", null, null, null).sourceUri();
  private static final String OTHER_S3 =
      new FilesetStorage.S3("approved", new FilePath("scratch/llama"), null, null, null, null)
          .sourceUri();

  private static List<Violation> check(boolean flag, String source, boolean admin) {
    var violations = Violations.collect();
    POLICY.check(flag, source, admin, violations);
    return violations.list();
  }

  @ParameterizedTest(name = "flag={0} source={1} admin={2} -> allowed={3}")
  @CsvSource({
    "false, approved, false, true",
    "false, approved, true,  true",
    "false, other,    false, true",
    "false, other,    true,  true",
    "false, none,     false, true",
    "true,  approved, false, true",
    "true,  approved, true,  true",
    "true,  other,    false, false",
    "true,  other,    true,  true",
    "true,  none,     false, false",
    "true,  none,     true,  true",
    "true,  local,    false, false",
    "true,  hf,       false, true"
  })
  void givenFlagSourceAndAdmin_check_followsTheMatrix(
      boolean flag, String source, boolean admin, boolean allowed) {
    String uri =
        switch (source) {
          case "approved" -> APPROVED_S3;
          case "other" -> OTHER_S3;
          case "local" -> new FilesetStorage.Local().sourceUri();
          case "hf" -> APPROVED_HF;
          default -> null;
        };
    var violations = check(flag, uri, admin);
    if (allowed) {
      assertThat(violations).isEmpty();
    } else {
      assertThat(violations)
          .extracting(Violation::path, Violation::type)
          .containsExactly(violation("trust_remote_code_not_allowed", "trust_remote_code"));
    }
  }

  @Test
  void givenARefusal_check_namesTheRuleBelowTheGivenPath() {
    var violations = Violations.collect();
    POLICY.check(true, OTHER_S3, false, violations.at("body"));
    assertThat(violations.list())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.path()).containsExactly("body", "trust_remote_code");
              assertThat(v.message()).contains("pre-approved").contains("administrator");
            });
  }

  @Test
  void givenTheAdminOnlyPolicy_check_refusesEverySourceForNonAdmins() {
    var violations = Violations.collect();
    TrustRemoteCodePolicy.ADMIN_ONLY.check(true, APPROVED_S3, false, violations);
    assertThat(violations.list()).hasSize(1);
    assertThat(TrustRemoteCodePolicy.ADMIN_ONLY.isApproved(APPROVED_S3)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "https://huggingface.co, hf://approved-org/llama",
    "https://huggingface.co/, hf://approved-org/llama",
    "https://evil.example, hf+https://evil.example/approved-org/llama",
    "http://127.0.0.1:8080/, hf+http://127.0.0.1:8080/approved-org/llama"
  })
  void givenAHubEndpoint_sourceUri_namesItUnlessItIsThePublicHub(String endpoint, String uri) {
    var storage = new FilesetStorage.HuggingFace("approved-org/llama", null, endpoint, null);

    assertThat(storage.sourceUri()).isEqualTo(uri);
  }

  @Test
  void givenAnApprovedNameOnAnotherServer_isApproved_isFalse() {
    var policy = TrustRemoteCodePolicy.of("hf://approved-org/*", "s3://trusted/models/**");
    var hub =
        new FilesetStorage.HuggingFace("approved-org/llama", null, "https://evil.example", null);
    var bucket =
        new FilesetStorage.S3(
            "trusted", new FilePath("models/x"), null, "http://minio.evil:9000", null, null);
    var realBucket =
        new FilesetStorage.S3("trusted", new FilePath("models/x"), null, null, null, null);

    assertThat(policy.isApproved(hub.sourceUri())).isFalse();
    assertThat(bucket.sourceUri()).isEqualTo("s3+http://minio.evil:9000/trusted/models/x");
    assertThat(policy.isApproved(bucket.sourceUri())).isFalse();
    assertThat(policy.isApproved(realBucket.sourceUri())).isTrue();
    assertThat(
            TrustRemoteCodePolicy.of("s3+http://minio.evil:9000/trusted/**")
                .isApproved(bucket.sourceUri()))
        .isTrue();
  }
}
