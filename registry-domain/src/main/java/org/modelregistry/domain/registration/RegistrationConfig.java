package org.modelregistry.domain.registration;

import java.util.ArrayList;
import java.util.List;
import org.modelregistry.domain.error.Violations;

/**
 * The fixed technical description of a registered model version ({@code model_config} on the wire,
 * without its visibility flag): its kind, how to run inference, and optionally how to train it and
 * how to pre-process training data.
 */
public record RegistrationConfig(
    ModelKind type,
    ExecutionProperties inference,
    ExecutionProperties training,
    ExecutionProperties preprocessing) {

  public static final String INFERENCE = "inference_properties";
  public static final String TRAINING = "training_properties";
  public static final String PREPROCESSING = "preprocessing_properties";

  public RegistrationConfig {
    var violations = Violations.collect();
    violations.require(type != null, Violations.MISSING, "type is required", "type");
    violations.require(
        inference != null, Violations.MISSING, INFERENCE + " is required", INFERENCE);
    // Pre-processing prepares training data (seed 000/001), so it means nothing without training.
    // Reported as missing training so that an invalid training section is not blamed twice.
    violations.require(
        preprocessing == null || training != null,
        Violations.MISSING,
        TRAINING + " are required when " + PREPROCESSING + " are given",
        TRAINING);
    violations.throwIfAny();
  }

  /** Every model file this configuration names, with its path from the registration document. */
  List<RegistrationRules.FileReference> fileReferences() {
    var references = new ArrayList<RegistrationRules.FileReference>();
    references.addAll(inference.fileReferences(List.of("model_config", INFERENCE)));
    if (training != null) {
      references.addAll(training.fileReferences(List.of("model_config", TRAINING)));
    }
    if (preprocessing != null) {
      references.addAll(preprocessing.fileReferences(List.of("model_config", PREPROCESSING)));
    }
    return references;
  }
}
