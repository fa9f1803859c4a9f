package org.modelregistry.domain.template;

/** Accelerators an endpoint or fine-tuning job may request; wire values are lower-case ids. */
public enum GpuType {
  NVIDIA_TESLA_T4("nvidia-tesla-t4"),
  NVIDIA_AMPERE_A10("nvidia-ampere-a10"),
  NVIDIA_AMPERE_A100("nvidia-ampere-a100"),
  NVIDIA_AMPERE_A100E("nvidia-ampere-a100e"),
  NVIDIA_HOPPER_H100("nvidia-hopper-h100"),
  NVIDIA_HOPPER_H100_1G20GB("nvidia-hopper-h100-1g20gb"),
  NVIDIA_HOPPER_H100_3G40GB("nvidia-hopper-h100-3g40gb");

  private final String wireValue;

  GpuType(String wireValue) {
    this.wireValue = wireValue;
  }

  public String wireValue() {
    return wireValue;
  }

  public static GpuType fromWire(String value) {
    for (GpuType t : values()) {
      if (t.wireValue.equals(value)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown GPU type: " + value);
  }
}
