package org.modelregistry.domain.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modelregistry.domain.testdata.TestViolations.violation;
import static org.modelregistry.domain.testdata.TestViolations.violationsOf;

import org.junit.jupiter.api.Test;
import org.modelregistry.domain.error.Violation;

class RequiredResourcesTest {

  @Test
  void givenNoFields_create_appliesTheDocumentedDefaults() {
    var resources = new RequiredResources(null, null, null, null, null);

    assertThat(resources.cpus()).isEqualTo(3);
    assertThat(resources.memory()).isEqualTo("8Gi");
    assertThat(resources.storage()).isEqualTo("16Gi");
    assertThat(resources.gpus()).isZero();
    assertThat(resources.gpuType()).isNull();
  }

  @Test
  void givenEveryField_create_keepsThem() {
    var resources = new RequiredResources(0, "1Gi", "2Gi", 8, GpuType.NVIDIA_TESLA_T4);

    assertThat(resources)
        .isEqualTo(new RequiredResources(0, "1Gi", "2Gi", 8, GpuType.NVIDIA_TESLA_T4));
    assertThat(resources.cpus()).isZero();
    assertThat(resources.gpus()).isEqualTo(8);
  }

  @Test
  void givenNegativeCpusAndGpus_create_reportsBothTogether() {
    assertThat(violationsOf(() -> new RequiredResources(-1, null, null, -1, null)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("greater_than_equal", "cpus"), violation("greater_than_equal", "gpus"));
  }
}
