package org.modelregistry.domain.template;

import java.util.Objects;
import org.modelregistry.domain.error.ValidationException;

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
    if (!LAUNCH.equals(vendor)) {
      throw ValidationException.of("vendor must be 'LAUNCH'", "literal_error", "vendor");
    }
    if (bundleConfig == null) {
      throw ValidationException.of("bundle_config is required", "missing", "bundle_config");
    }
  }

  public static VendorConfiguration launch(BundleConfig bundleConfig) {
    return new VendorConfiguration(LAUNCH, Objects.requireNonNull(bundleConfig), null, null);
  }
}
