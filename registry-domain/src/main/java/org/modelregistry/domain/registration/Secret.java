package org.modelregistry.domain.registration;

import java.util.Objects;

/**
 * A value the registry must store but never show, such as a docker registry password. Its {@code
 * toString} hides it, so it cannot leak through logs or exception messages by accident; {@link
 * #value()} reveals it to the code that has to use it.
 */
public record Secret(String value) {

  public Secret {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return "Secret[****]";
  }
}
