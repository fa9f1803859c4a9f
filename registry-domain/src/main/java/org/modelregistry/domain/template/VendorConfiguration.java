package org.modelregistry.domain.template;

import java.util.Objects;
import org.modelregistry.domain.error.Violations;

/**
 * How a template is deployed. Only the LAUNCH vendor exists; its bundle is required, the endpoint
 * and fine-tuning configurations are optional.
 */
public record VendorConfiguration(
    String vendor,
    BundleConfig bundleConfig,
    EndpointConfig endpointConfig,
    FineTuningBundleConfig fineTuningJobBundleConfig) {

  public static final String LAUNCH = "LAUNCH";

  public VendorConfiguration {
    vendor = vendor == null ? LAUNCH : vendor;
    var violations = Violations.collect();
    violations.require(LAUNCH.equals(vendor), "literal_error", "vendor must be 'LAUNCH'", "vendor");
    violations.require(
        bundleConfig != null, Violations.MISSING, "bundle_config is required", "bundle_config");
    violations.throwIfAny();
  }

  public static VendorConfiguration launch(BundleConfig bundleConfig) {
    return new VendorConfiguration(LAUNCH, Objects.requireNonNull(bundleConfig), null, null);
  }
}
