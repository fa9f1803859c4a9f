package org.modelregistry.domain.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modelregistry.domain.testdata.TestViolations.violation;
import static org.modelregistry.domain.testdata.TestViolations.violationsOf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.modelregistry.domain.error.Violation;

class EndpointConfigTest {

  private static EndpointConfig workers(Integer min, Integer max) {
    return new EndpointConfig(null, null, null, null, null, min, max, null, null, null);
  }

  @Test
  void givenNoFields_create_appliesTheDocumentedDefaults() {
    var config = EndpointConfig.defaults();

    assertThat(config.cpus()).isEqualTo(3);
    assertThat(config.memory()).isEqualTo("8Gi");
    assertThat(config.storage()).isEqualTo("16Gi");
    assertThat(config.gpus()).isZero();
    assertThat(config.gpuType()).isNull();
    assertThat(config.minWorkers()).isZero();
    assertThat(config.maxWorkers()).isEqualTo(1);
    assertThat(config.perWorker()).isEqualTo(10);
    assertThat(config.endpointType()).isEqualTo(EndpointType.ASYNC);
    assertThat(config.highPriority()).isFalse();
  }

  @Test
  void givenEveryField_create_keepsThem() {
    var config =
        new EndpointConfig(
            8,
            "32Gi",
            "100Gi",
            2,
            GpuType.NVIDIA_AMPERE_A100,
            1,
            4,
            2,
            EndpointType.STREAMING,
            true);

    assertThat(config)
        .isEqualTo(
            new EndpointConfig(
                8,
                "32Gi",
                "100Gi",
                2,
                GpuType.NVIDIA_AMPERE_A100,
                1,
                4,
                2,
                EndpointType.STREAMING,
                Boolean.TRUE));
    assertThat(config.cpus()).isEqualTo(8);
    assertThat(config.gpuType()).isEqualTo(GpuType.NVIDIA_AMPERE_A100);
    assertThat(config.endpointType()).isEqualTo(EndpointType.STREAMING);
    assertThat(config.highPriority()).isTrue();
  }

  @Test
  void givenMaxWorkersBelowMinWorkers_create_rejectsAtMaxWorkers() {
    assertThat(violationsOf(() -> workers(3, 2)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("value_error", "max_workers"));
  }

  @ParameterizedTest
  @CsvSource({"0, 0", "2, 2", "0, 5", "1, 1"})
  void givenMaxWorkersAtLeastMinWorkers_create_accepts(int min, int max) {
    var config = workers(min, max);

    assertThat(config.minWorkers()).isEqualTo(min);
    assertThat(config.maxWorkers()).isEqualTo(max);
  }

  @Test
  void givenNegativeCountsAndNoWorkerCapacity_create_reportsEveryProblemTogether() {
    assertThat(
            violationsOf(() -> new EndpointConfig(-1, null, null, -2, null, -1, -3, 0, null, null)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("greater_than_equal", "cpus"),
            violation("greater_than_equal", "gpus"),
            violation("greater_than_equal", "min_workers"),
            violation("value_error", "max_workers"),
            violation("greater_than_equal", "per_worker"));
  }
}
