package org.modelregistry.domain.spec;

import java.util.Arrays;
import java.util.List;

/**
 * An element type a safetensors header may declare, with its width in bits; sub-byte types (F4, F6)
 * pack their elements, so a tensor's byte size is its element count times the width over 8.
 */
public enum SafetensorsDtype {
  BOOL(8),
  F4(4),
  F6_E2M3(6),
  F6_E3M2(6),
  U8(8),
  I8(8),
  F8_E5M2(8),
  F8_E4M3(8),
  F8_E8M0(8),
  I16(16),
  U16(16),
  F16(16),
  BF16(16),
  I32(32),
  U32(32),
  F32(32),
  C64(64),
  F64(64),
  I64(64),
  U64(64);

  private final int bits;

  SafetensorsDtype(int bits) {
    this.bits = bits;
  }

  /** Width of one element in bits. */
  public int bits() {
    return bits;
  }

  /** The dtype spelled exactly as a header writes it, or null when it is none of them. */
  public static SafetensorsDtype parse(String text) {
    for (SafetensorsDtype dtype : values()) {
      if (dtype.name().equals(text)) {
        return dtype;
      }
    }
    return null;
  }

  /** Every spelling {@link #parse} accepts, in declaration order. */
  public static List<String> names() {
    return Arrays.stream(values()).map(Enum::name).toList();
  }

  /**
   * The reference's {@code precision} spelling for weights stored in this type ({@code float16},
   * {@code bfloat16}, ...), or null when the type says nothing useful about precision.
   */
  public String precision() {
    return switch (this) {
      case F16 -> "float16";
      case BF16 -> "bfloat16";
      case F32 -> "float32";
      case F64 -> "float64";
      case I8, U8 -> "int8";
      case F8_E4M3, F8_E5M2 -> "fp8";
      case F4 -> "fp4";
      default -> null;
    };
  }
}
