package org.modelregistry.domain.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modelregistry.domain.registration.TestRegistrations.condaOnly;
import static org.modelregistry.domain.testdata.TestViolations.violation;
import static org.modelregistry.domain.testdata.TestViolations.violationsOf;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.modelregistry.domain.error.Violation;

class RegistrationConfigTest {

  private static final ExecutionProperties INFERENCE = condaOnly("inference.py", "conda.yml");
  private static final ExecutionProperties TRAINING = condaOnly("train.py", "train.yml");
  private static final ExecutionProperties PREPROCESSING = condaOnly("prep.py", "prep.yml");

  @Test
  void givenInferenceOnly_create_accepts() {
    var config = new RegistrationConfig(ModelKind.ENCODER, INFERENCE, null, null);

    assertThat(config.training()).isNull();
    assertThat(config.preprocessing()).isNull();
  }

  @Test
  void givenNoTypeAndNoInference_create_reportsBoth() {
    assertThat(violationsOf(() -> new RegistrationConfig(null, null, null, null)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("missing", "type"), violation("missing", "inference_properties"));
  }

  @Test
  void givenPreprocessingWithoutTraining_create_asksForTraining() {
    assertThat(
            violationsOf(
                () -> new RegistrationConfig(ModelKind.DECODER, INFERENCE, null, PREPROCESSING)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("missing", "training_properties"));
  }

  @Test
  void givenEverySection_fileReferences_listsEveryFileWithItsPath() {
    var config = new RegistrationConfig(ModelKind.SEQ2SEQ, INFERENCE, TRAINING, PREPROCESSING);

    assertThat(config.fileReferences())
        .extracting(RegistrationRules.FileReference::path)
        .containsExactly(
            List.of("model_config", "inference_properties", "entry_script"),
            List.of("model_config", "inference_properties", "conda_env"),
            List.of("model_config", "training_properties", "entry_script"),
            List.of("model_config", "training_properties", "conda_env"),
            List.of("model_config", "preprocessing_properties", "entry_script"),
            List.of("model_config", "preprocessing_properties", "conda_env"));
  }
}
