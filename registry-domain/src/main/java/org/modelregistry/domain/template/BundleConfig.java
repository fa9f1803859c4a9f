package org.modelregistry.domain.template;

import java.util.List;
import java.util.Map;
import org.modelregistry.domain.error.Violations;

/**
 * The container image a template runs and how it is probed. Registry, image and tag are required;
 * absent optional fields take their documented defaults.
 */
public record BundleConfig(
    String registry,
    String image,
    String tag,
    List<String> command,
    Map<String, String> env,
    List<String> streamingCommand,
    Integer readinessInitialDelaySeconds,
    String healthcheckRoute,
    String predictRoute,
    String streamingPredictRoute) {

  public static final int DEFAULT_READINESS_INITIAL_DELAY_SECONDS = 120;
  public static final String DEFAULT_HEALTHCHECK_ROUTE = "/readyz";
  public static final String DEFAULT_PREDICT_ROUTE = "/predict";
  public static final String DEFAULT_STREAMING_PREDICT_ROUTE = "/generate_streaming";

  public BundleConfig {
    var violations = Violations.collect();
    ImageReference.check(violations, registry, image, tag);
    violations.require(
        readinessInitialDelaySeconds == null || readinessInitialDelaySeconds >= 0,
        "greater_than_equal",
        "readiness_initial_delay_seconds must not be negative",
        "readiness_initial_delay_seconds");
    violations.throwIfAny();
    command = command == null ? null : List.copyOf(command);
    env = env == null ? null : Map.copyOf(env);
    streamingCommand = streamingCommand == null ? null : List.copyOf(streamingCommand);
    readinessInitialDelaySeconds =
        readinessInitialDelaySeconds == null
            ? DEFAULT_READINESS_INITIAL_DELAY_SECONDS
            : readinessInitialDelaySeconds;
    healthcheckRoute = healthcheckRoute == null ? DEFAULT_HEALTHCHECK_ROUTE : healthcheckRoute;
    predictRoute = predictRoute == null ? DEFAULT_PREDICT_ROUTE : predictRoute;
    streamingPredictRoute =
        streamingPredictRoute == null ? DEFAULT_STREAMING_PREDICT_ROUTE : streamingPredictRoute;
  }

  /** A bundle with only the required fields; everything else defaulted. */
  public static BundleConfig of(String registry, String image, String tag) {
    return new BundleConfig(registry, image, tag, null, null, null, null, null, null, null);
  }
}
