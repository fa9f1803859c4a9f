package org.modelregistry.domain.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.modelregistry.domain.registration.TestRegistrations.PASSWORD;
import static org.modelregistry.domain.testdata.TestViolations.violation;
import static org.modelregistry.domain.testdata.TestViolations.violationsOf;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modelregistry.domain.error.Violation;
import org.modelregistry.domain.naming.FilePath;

class ExecutionPropertiesTest {

  private static final FilePath SCRIPT = new FilePath("inference.py");
  private static final FilePath CONDA = new FilePath("conda.yml");
  private static final DockerRegistry REGISTRY =
      new DockerRegistry("registry.example", "deploy", new Secret(PASSWORD));

  @Test
  void givenACondaFileOnly_create_accepts() {
    assertThat(new ExecutionProperties(SCRIPT, CONDA, null, null).condaEnv()).isEqualTo(CONDA);
  }

  @Test
  void givenADockerImageOnly_create_accepts() {
    assertThat(new ExecutionProperties(SCRIPT, null, "org/base:1.0", REGISTRY).dockerImage())
        .isEqualTo("org/base:1.0");
  }

  @Test
  void givenBothEnvironments_create_accepts() {
    var properties = new ExecutionProperties(SCRIPT, CONDA, "org/base:1.0", null);

    assertThat(properties.condaEnv()).isEqualTo(CONDA);
    assertThat(properties.dockerImage()).isEqualTo("org/base:1.0");
  }

  @Test
  void givenNoEnvironment_create_rejectsAtTheSectionItself() {
    assertThat(violationsOf(() -> new ExecutionProperties(SCRIPT, null, null, null)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("value_error"));
  }

  @Test
  void givenNoEntryScriptAndNoEnvironment_create_reportsBoth() {
    assertThat(violationsOf(() -> new ExecutionProperties(null, null, null, null)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("missing", "entry_script"), violation("value_error"));
  }

  @Test
  void givenARegistryWithoutAnImage_create_rejectsTheRegistry() {
    assertThat(violationsOf(() -> new ExecutionProperties(SCRIPT, CONDA, null, REGISTRY)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("value_error", "docker_registry"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "org/base:1.0 --privileged", "org/base\n:1.0"})
  void givenABlankOrSpacedImage_create_rejectsTheImage(String image) {
    assertThat(violationsOf(() -> new ExecutionProperties(SCRIPT, CONDA, image, null)))
        .extracting(Violation::path)
        .containsExactly(List.of("docker_image"));
  }

  @Test
  void givenAnImageOverTheLimit_create_rejectsAsTooLong() {
    String image = "a".repeat(ExecutionProperties.MAX_DOCKER_IMAGE_LENGTH + 1);

    assertThat(violationsOf(() -> new ExecutionProperties(SCRIPT, CONDA, image, null)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("string_too_long", "docker_image"));
  }

  @Test
  void givenCredentials_toString_hidesThePassword() {
    var properties = new ExecutionProperties(SCRIPT, null, "org/base:1.0", REGISTRY);

    assertThat(properties.toString()).doesNotContain(PASSWORD).contains("deploy");
    assertThat(REGISTRY.toString()).doesNotContain(PASSWORD);
    assertThat(new Secret(PASSWORD).toString()).doesNotContain(PASSWORD);
  }

  @Test
  void givenASecret_value_revealsIt() {
    assertThat(REGISTRY.password().value()).isEqualTo(PASSWORD);
  }

  @Test
  void givenAUsernameWithoutPassword_createRegistry_asksForThePassword() {
    assertThat(violationsOf(() -> new DockerRegistry("registry.example", "deploy", null)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("missing", "password"));
  }

  @Test
  void givenAPasswordWithoutUsername_createRegistry_asksForTheUsername() {
    assertThat(violationsOf(() -> new DockerRegistry("registry.example", null, new Secret("p"))))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("missing", "username"));
  }

  @Test
  void givenNoUrl_createRegistry_rejectsAsMissing() {
    assertThat(violationsOf(() -> new DockerRegistry(null, null, null)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("missing", "url"));
  }

  @Test
  void givenAnEmptyPassword_createRegistry_rejectsWithoutQuotingIt() {
    assertThat(violationsOf(() -> new DockerRegistry("registry.example", "u", new Secret(""))))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("string_too_short", "password"));
  }

  @Test
  void givenAPasswordOverTheLimit_createRegistry_rejectsWithoutQuotingIt() {
    String password = "p".repeat(DockerRegistry.MAX_PASSWORD_LENGTH + 1);

    assertThat(violationsOf(() -> new DockerRegistry("r.example", "u", new Secret(password))))
        .extracting(Violation::message)
        .containsExactly("password must be at most 8192 characters");
  }

  @Test
  void givenAUrlOnly_createRegistry_acceptsAnAnonymousRegistry() {
    assertThat(new DockerRegistry("registry.example", null, null).hasCredentials()).isFalse();
    assertThat(REGISTRY.hasCredentials()).isTrue();
  }

  @Test
  void givenACondaFile_fileReferences_namesEntryScriptAndCondaFileWithFullPaths() {
    var properties = new ExecutionProperties(SCRIPT, CONDA, null, null);

    assertThat(properties.fileReferences(List.of("model_config", "training_properties")))
        .extracting(RegistrationRules.FileReference::path, RegistrationRules.FileReference::file)
        .containsExactly(
            tuple(List.of("model_config", "training_properties", "entry_script"), SCRIPT),
            tuple(List.of("model_config", "training_properties", "conda_env"), CONDA));
  }
}
