package org.modelregistry.domain.workspace;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.modelregistry.domain.error.ValidationException;

/** The inference API wire format a model's backend expects. */
public enum BackendFormat {
  OPENAI_CHAT("OPENAI_CHAT"),
  ANTHROPIC_MESSAGES("ANTHROPIC_MESSAGES");

  private final String wire;

  BackendFormat(String wire) {
    this.wire = wire;
  }

  /** The value as the reference API writes it. */
  public String wire() {
    return wire;
  }

  /** The constant for a wire value; throws a violation at the value itself for any other. */
  public static BackendFormat fromWire(String value) {
    for (BackendFormat candidate : values()) {
      if (candidate.wire.equals(value)) {
        return candidate;
      }
    }
    throw ValidationException.of(
        "must be one of "
            + Arrays.stream(values()).map(BackendFormat::wire).collect(Collectors.joining(", ")),
        "enum");
  }

  @Override
  public String toString() {
    return wire;
  }
}
