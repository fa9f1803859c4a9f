package org.modelregistry.domain.registration;

import java.util.ArrayList;
import java.util.List;
import org.modelregistry.domain.error.Violations;
import org.modelregistry.domain.naming.FilePath;

/**
 * How to run one of a model's scripts (inference, training or pre-processing): the entry script and
 * its environment, a conda YAML file, a docker base image, or both. File references are target
 * names of {@code model_files}; the registration checks that they exist there.
 */
public record ExecutionProperties(
    FilePath entryScript, FilePath condaEnv, String dockerImage, DockerRegistry dockerRegistry) {

  public static final int MAX_DOCKER_IMAGE_LENGTH = 512;

  public ExecutionProperties {
    var violations = Violations.collect();
    violations.require(
        entryScript != null, Violations.MISSING, "entry_script is required", "entry_script");
    // The seeds ask for at least one environment definition per script; the violation sits at
    // the section itself, since neither field alone is the one missing.
    violations.require(
        condaEnv != null || dockerImage != null,
        "value_error",
        "an environment is required: conda_env, docker_image or both");
    if (dockerImage != null) {
      RegistrationRules.checkToken(
          violations.at("docker_image"), dockerImage, MAX_DOCKER_IMAGE_LENGTH, "docker_image");
    }
    violations.require(
        dockerRegistry == null || dockerImage != null,
        "value_error",
        "docker_registry is only used together with a docker_image",
        "docker_registry");
    violations.throwIfAny();
  }

  /** The model files this section names, by wire field name, in field order. */
  List<RegistrationRules.FileReference> fileReferences(List<Object> sectionPath) {
    var references = new ArrayList<RegistrationRules.FileReference>();
    references.add(RegistrationRules.reference(sectionPath, "entry_script", entryScript));
    if (condaEnv != null) {
      references.add(RegistrationRules.reference(sectionPath, "conda_env", condaEnv));
    }
    return references;
  }
}
