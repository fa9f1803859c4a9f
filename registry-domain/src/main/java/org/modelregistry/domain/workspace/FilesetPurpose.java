package org.modelregistry.domain.workspace;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.modelregistry.domain.error.ValidationException;

/** What a fileset holds; {@code generic} when unstated. */
public enum FilesetPurpose {
  DATASET("dataset"),
  GENERIC("generic"),
  MODEL("model");

  private final String wire;

  FilesetPurpose(String wire) {
    this.wire = wire;
  }

  /** The value as the reference API writes it. */
  public String wire() {
    return wire;
  }

  /** The constant for a wire value; throws a violation at the value itself for any other. */
  public static FilesetPurpose fromWire(String value) {
    for (FilesetPurpose candidate : values()) {
      if (candidate.wire.equals(value)) {
        return candidate;
      }
    }
    throw ValidationException.of(
        "must be one of "
            + Arrays.stream(values()).map(FilesetPurpose::wire).collect(Collectors.joining(", ")),
        "enum");
  }

  @Override
  public String toString() {
    return wire;
  }
}
