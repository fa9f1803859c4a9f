package org.modelregistry.domain.spec;

import java.util.List;
import java.util.Objects;

/**
 * One tensor a safetensors header declares: its name, element type, shape, and byte range {@code
 * [begin, end)} relative to the start of the data buffer (the byte after the header). Built only by
 * {@link SafetensorsHeader}, which has checked that the range holds exactly the shape's elements.
 */
public record TensorInfo(
    String name,
    SafetensorsDtype dtype,
    List<Long> shape,
    long elementCount,
    long begin,
    long end) {

  public TensorInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dtype, "dtype");
    shape = List.copyOf(shape);
  }
}
