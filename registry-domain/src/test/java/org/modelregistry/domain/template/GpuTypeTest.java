package org.modelregistry.domain.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GpuTypeTest {

  @ParameterizedTest
  @EnumSource(GpuType.class)
  void givenAnyGpuType_fromWire_readsItsOwnWireValueBack(GpuType type) {
    assertThat(GpuType.fromWire(type.wireValue())).isEqualTo(type);
  }

  @Test
  void givenTheDocumentedSpelling_fromWire_findsTheGpu() {
    assertThat(GpuType.fromWire("nvidia-hopper-h100-1g20gb"))
        .isEqualTo(GpuType.NVIDIA_HOPPER_H100_1G20GB);
  }

  @Test
  void givenTheEnumName_fromWire_isRefused() {
    assertThatThrownBy(() -> GpuType.fromWire("NVIDIA_TESLA_T4"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
