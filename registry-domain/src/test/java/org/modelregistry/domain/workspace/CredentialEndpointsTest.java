package org.modelregistry.domain.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modelregistry.domain.error.ValidationException;
import org.modelregistry.domain.error.Violation;
import org.modelregistry.domain.error.Violations;

/** Secrets go only to default or approved endpoints, and only a fileset's own workspace's. */
class CredentialEndpointsTest {

  private static final SecretRef TOKEN = new SecretRef("hf-token");
  private final CredentialEndpoints policy = CredentialEndpoints.of("http://minio.local:9000");

  private static FilesetStorage hub(String endpoint, SecretRef token) {
    return new FilesetStorage.HuggingFace("org/repo", null, endpoint, token);
  }

  private static FilesetStorage bucket(String endpoint) {
    return new FilesetStorage.S3(
        "models", null, null, endpoint, new SecretRef("id"), new SecretRef("key"));
  }

  private List<Violation> violations(FilesetStorage storage) {
    var violations = Violations.collect();
    policy.check(storage, violations.at("storage"));
    return violations.list();
  }

  @Test
  void givenTheDefaultEndpoints_secretsMayGoThere() {
    assertThat(policy.allows(hub(null, TOKEN))).isTrue();
    assertThat(policy.allows(hub("https://huggingface.co/", TOKEN))).isTrue();
    assertThat(policy.allows(bucket(null))).isTrue();
  }

  @Test
  void givenAnApprovedOrigin_secretsMayGoThereInAnySpelling() {
    assertThat(policy.allows(bucket("http://MINIO.local:9000"))).isTrue();
    assertThat(policy.allows(bucket("http://minio.local:9000/"))).isTrue();
    assertThat(policy.allows(bucket("https://minio.local:9000"))).isFalse();
    assertThat(policy.allows(bucket("http://minio.local:9001"))).isFalse();
  }

  @Test
  void givenAnotherEndpoint_secretsMayNotGoThere_butPublicReadsMay() {
    assertThat(violations(hub("https://evil.example", TOKEN)))
        .extracting(Violation::path)
        .containsExactly(List.of("storage", "endpoint"));
    assertThat(violations(bucket("http://evil.example")))
        .extracting(Violation::path)
        .containsExactly(List.of("storage", "endpoint_url"));
    assertThat(violations(hub("https://evil.example", null))).isEmpty();
    assertThat(CredentialEndpoints.DEFAULTS_ONLY.allows(bucket("http://minio.local:9000")))
        .isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://x", "http://x/path", "http://user@x", "http://x?q=1", "x"})
  void givenSomethingThatIsNotAnOrigin_of_refusesIt(String origin) {
    assertThatThrownBy(() -> CredentialEndpoints.of(origin))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void givenAnotherWorkspacesSecret_create_refusesItAtTheField() {
    var storage =
        new FilesetStorage.S3(
            "models", null, null, null, new SecretRef("team/id"), new SecretRef("other/key"));

    assertThatThrownBy(
            () ->
                Fileset.create(
                    new WorkspaceName("team"),
                    new EntityName("fs"),
                    null,
                    null,
                    FilesetPurpose.MODEL,
                    Map.of(),
                    Map.of(),
                    storage,
                    Instant.EPOCH))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::path)
                    .containsExactly(List.of("storage", "secret_access_key_secret")));
    assertThat(
            Fileset.create(
                    new WorkspaceName("other"),
                    new EntityName("fs"),
                    null,
                    null,
                    FilesetPurpose.MODEL,
                    Map.of(),
                    Map.of(),
                    new FilesetStorage.HuggingFace("o/r", null, null, TOKEN),
                    Instant.EPOCH)
                .storage())
        .isNotNull();
  }
}
