package org.modelregistry.domain.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modelregistry.domain.testdata.TestViolations.violation;
import static org.modelregistry.domain.testdata.TestViolations.violationsOf;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.modelregistry.domain.error.Violation;

class FineTuningBundleConfigTest {

  @Test
  void givenNoMountLocation_create_usesTheDocumentedDefault() {
    var config = new FineTuningBundleConfig("r", "i", "t", null, null, null, null, null);

    assertThat(config.mountLocation()).isEqualTo("/workspace/launch_specific/config.json");
    assertThat(config.command()).isNull();
    assertThat(config.env()).isNull();
    assertThat(config.trainingDatasetSchemaType()).isNull();
    assertThat(config.resources()).isNull();
  }

  @Test
  void givenEveryField_create_keepsThem() {
    var resources = new RequiredResources(4, "16Gi", "64Gi", 1, GpuType.NVIDIA_HOPPER_H100);
    var config =
        new FineTuningBundleConfig(
            "r",
            "i",
            "t",
            List.of("train"),
            Map.of("EPOCHS", "3"),
            "/etc/job.json",
            TrainingDatasetSchemaType.RERANKING_QUESTIONS,
            resources);

    assertThat(config.command()).containsExactly("train");
    assertThat(config.env()).containsEntry("EPOCHS", "3");
    assertThat(config.mountLocation()).isEqualTo("/etc/job.json");
    assertThat(config.trainingDatasetSchemaType())
        .isEqualTo(TrainingDatasetSchemaType.RERANKING_QUESTIONS);
    assertThat(config.resources()).isEqualTo(resources);
  }

  @Test
  void givenNoImageReference_create_reportsRegistryImageAndTagTogether() {
    assertThat(
            violationsOf(
                () -> new FineTuningBundleConfig(null, " ", null, null, null, null, null, null)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("missing", "registry"),
            violation("string_too_short", "image"),
            violation("missing", "tag"));
  }
}
