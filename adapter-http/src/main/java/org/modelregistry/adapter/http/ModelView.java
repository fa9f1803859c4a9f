package org.modelregistry.adapter.http;

import java.util.Arrays;
import java.util.Optional;

/** The optional parts a model read may add ({@code view=...}), as the reference names them. */
enum ModelView {
  DEPLOYMENTS("Deployments"),
  MODEL_GROUP("ModelGroup");

  /** What a good value is, for messages. */
  static final String EXPECTED = "one of Deployments, ModelGroup";

  private final String wireValue;

  ModelView(String wireValue) {
    this.wireValue = wireValue;
  }

  static Optional<ModelView> fromWire(String value) {
    return Arrays.stream(values()).filter(v -> v.wireValue.equals(value)).findFirst();
  }
}
