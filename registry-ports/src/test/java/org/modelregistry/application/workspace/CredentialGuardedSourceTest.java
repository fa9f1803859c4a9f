package org.modelregistry.application.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.modelregistry.domain.error.ValidationException;
import org.modelregistry.domain.error.Violation;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.workspace.CredentialEndpoints;
import org.modelregistry.domain.workspace.FilesetStorage;
import org.modelregistry.domain.workspace.SecretRef;
import org.modelregistry.ports.out.ExternalSourceException;
import org.modelregistry.ports.out.memory.InMemoryExternalFileSource;

/** Secrets never travel to an endpoint the operator did not approve. */
class CredentialGuardedSourceTest {

  private static final FilesetStorage ROGUE =
      new FilesetStorage.HuggingFace(
          "org/repo", null, "https://evil.example", new SecretRef("hf-token"));
  private static final FilesetStorage APPROVED =
      new FilesetStorage.HuggingFace(
          "org/repo", null, "https://hub.internal", new SecretRef("hf-token"));

  private final InMemoryExternalFileSource source =
      new InMemoryExternalFileSource()
          .add(ROGUE, "config.json", "{}")
          .add(APPROVED, "config.json", "{}");
  private final CredentialGuardedSource guarded =
      new CredentialGuardedSource(CredentialEndpoints.of("https://hub.internal"), source);

  @Test
  void givenAnUnapprovedEndpointWithASecret_pin_isAViolationAtTheEndpointAndNothingIsRead() {
    assertThatThrownBy(() -> guarded.pin(ROGUE))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::path)
                    .containsExactly(List.of("endpoint")));
    assertThatThrownBy(() -> guarded.read(ROGUE, new FilePath("config.json"), 0, -1))
        .isInstanceOf(ExternalSourceException.class);
    assertThat(source.wholeReadsOf("config.json")).isZero();
  }

  @Test
  void givenAnApprovedEndpointOrNoSecret_everythingPassesThrough() {
    assertThat(guarded.pin(APPROVED)).isNotNull();
    assertThat(guarded.list(APPROVED)).hasSize(1);
    var anonymous = new FilesetStorage.HuggingFace("org/repo", null, "https://evil.example", null);
    assertThat(guarded.pin(anonymous)).isNotNull();
  }
}
