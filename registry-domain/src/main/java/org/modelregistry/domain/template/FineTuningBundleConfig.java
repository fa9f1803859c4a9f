package org.modelregistry.domain.template;

import java.util.List;
import java.util.Map;
import org.modelregistry.domain.error.Violations;

/** The image that fine-tunes models of a template, and where it finds its job configuration. */
public record FineTuningBundleConfig(
    String registry,
    String image,
    String tag,
    List<String> command,
    Map<String, String> env,
    String mountLocation,
    TrainingDatasetSchemaType trainingDatasetSchemaType,
    RequiredResources resources) {

  public static final String DEFAULT_MOUNT_LOCATION = "/workspace/launch_specific/config.json";

  public FineTuningBundleConfig {
    var violations = Violations.collect();
    ImageReference.check(violations, registry, image, tag);
    violations.throwIfAny();
    command = command == null ? null : List.copyOf(command);
    env = env == null ? null : Map.copyOf(env);
    mountLocation = mountLocation == null ? DEFAULT_MOUNT_LOCATION : mountLocation;
  }
}
