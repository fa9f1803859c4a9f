package org.modelregistry.domain.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.modelregistry.domain.registration.TestRegistrations.PASSWORD;
import static org.modelregistry.domain.registration.TestRegistrations.SIGNATURE;
import static org.modelregistry.domain.registration.TestRegistrations.aRegistration;
import static org.modelregistry.domain.registration.TestRegistrations.condaOnly;
import static org.modelregistry.domain.registration.TestRegistrations.file;
import static org.modelregistry.domain.registration.TestRegistrations.metainfo;
import static org.modelregistry.domain.testdata.TestViolations.violation;
import static org.modelregistry.domain.testdata.TestViolations.violationsOf;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.modelregistry.domain.error.Violation;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.naming.ResourceName;

class RegistrationTest {

  private static final ResourceName NAME = new ResourceName("m");
  private static final VersionName VERSION = new VersionName("1");
  private static final RegistrationConfig CONFIG =
      new RegistrationConfig(ModelKind.ENCODER, condaOnly("inference.py", "conda.yml"), null, null);

  private static Registration registration(
      RegistrationConfig config, ModelMetainfo metainfo, List<ModelFileSpec> files) {
    return new Registration(NAME, VERSION, null, null, metainfo, config, files);
  }

  @Test
  void givenNoVisibilityAndNoDescription_create_isPrivateWithAnEmptyDescription() {
    var registration = registration(CONFIG, null, List.of(file("inference.py"), file("conda.yml")));

    assertThat(registration.visibility()).isEqualTo(Visibility.PRIVATE);
    assertThat(registration.description()).isEmpty();
  }

  @Test
  void givenFiles_fileTargets_keepsTheirOrder() {
    var registration =
        registration(CONFIG, null, List.of(file("inference.py"), file("b.bin"), file("conda.yml")));

    assertThat(registration.fileTargets())
        .containsExactly(
            new FilePath("inference.py"), new FilePath("b.bin"), new FilePath("conda.yml"));
  }

  @Test
  void givenEveryKindOfDanglingReference_create_listsThemAllAtTheirPaths() {
    var config =
        new RegistrationConfig(
            ModelKind.DECODER,
            condaOnly("inference.py", "conda.yml"),
            condaOnly("train.py", "train.yml"),
            condaOnly("prep.py", "prep.yml"));

    assertThat(violationsOf(() -> registration(config, metainfo("index.md"), List.of(file("w")))))
        .extracting(Violation::path, Violation::message)
        .containsExactly(
            tuple(
                List.of("model_config", "inference_properties", "entry_script"),
                "entry_script names 'inference.py', which is not a key of model_files"),
            tuple(
                List.of("model_config", "inference_properties", "conda_env"),
                "conda_env names 'conda.yml', which is not a key of model_files"),
            tuple(
                List.of("model_config", "training_properties", "entry_script"),
                "entry_script names 'train.py', which is not a key of model_files"),
            tuple(
                List.of("model_config", "training_properties", "conda_env"),
                "conda_env names 'train.yml', which is not a key of model_files"),
            tuple(
                List.of("model_config", "preprocessing_properties", "entry_script"),
                "entry_script names 'prep.py', which is not a key of model_files"),
            tuple(
                List.of("model_config", "preprocessing_properties", "conda_env"),
                "conda_env names 'prep.yml', which is not a key of model_files"),
            tuple(
                List.of("model_metainfo", "index_page_file"),
                "index_page_file names 'index.md', which is not a key of model_files"));
  }

  @Test
  void givenAFileInsideAnotherFile_create_rejectsTheInnerOne() {
    var files = List.of(file("inference.py"), file("conda.yml"), file("a"), file("a/b/c"));

    assertThat(violationsOf(() -> registration(CONFIG, null, files)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("value_error", "model_files", "a/b/c"));
  }

  @Test
  void givenTheSameTargetTwice_create_rejectsTheRepeat() {
    var files = List.of(file("inference.py"), file("conda.yml"), file("conda.yml"));

    assertThat(violationsOf(() -> registration(CONFIG, null, files)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("value_error", "model_files", "conda.yml"));
  }

  @Test
  void givenNoFiles_create_rejectsTheEmptyListAndEveryReference() {
    assertThat(violationsOf(() -> registration(CONFIG, null, List.of())))
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("too_short", "model_files"),
            violation(
                "file_reference_unknown", "model_config", "inference_properties", "entry_script"),
            violation(
                "file_reference_unknown", "model_config", "inference_properties", "conda_env"));
  }

  @Test
  void givenNothing_create_listsEveryRequiredPart() {
    assertThat(violationsOf(() -> new Registration(null, null, null, null, null, null, null)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("missing", "name"),
            violation("missing", "version"),
            violation("missing", "model_config"),
            violation("missing", "model_files"));
  }

  @Test
  void givenAnOverlongDescription_create_rejectsIt() {
    var files = List.of(file("inference.py"), file("conda.yml"));

    assertThat(
            violationsOf(
                () -> new Registration(NAME, VERSION, null, "x".repeat(1001), null, CONFIG, files)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("string_too_long", "model_metainfo", "description"));
  }

  @Test
  void givenAPasswordAndSignedUrls_toString_showsNeither() {
    String text = aRegistration().toString();

    assertThat(text).doesNotContain(PASSWORD).doesNotContain(SIGNATURE).contains("storage.example");
  }
}
