package org.modelregistry.domain.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modelregistry.domain.testdata.TestViolations.violation;
import static org.modelregistry.domain.testdata.TestViolations.violationsOf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modelregistry.domain.error.Violation;

class VendorConfigurationTest {

  private static final BundleConfig BUNDLE = BundleConfig.of("r", "i", "t");

  @Test
  void givenNoVendor_create_defaultsToLaunch() {
    var config = new VendorConfiguration(null, BUNDLE, null, null);

    assertThat(config.vendor()).isEqualTo("LAUNCH").isEqualTo(VendorConfiguration.LAUNCH);
  }

  @Test
  void givenTheLaunchVendor_create_keepsEveryPart() {
    var endpoint = EndpointConfig.defaults();
    var fineTuning = new FineTuningBundleConfig("r", "ft", "t", null, null, null, null, null);

    var config = new VendorConfiguration("LAUNCH", BUNDLE, endpoint, fineTuning);

    assertThat(config.bundleConfig()).isEqualTo(BUNDLE);
    assertThat(config.endpointConfig()).isEqualTo(endpoint);
    assertThat(config.fineTuningJobBundleConfig()).isEqualTo(fineTuning);
  }

  @ParameterizedTest
  @ValueSource(strings = {"LLMENGINE", "launch", "Launch", "OTHER", "", " LAUNCH"})
  void givenAnotherVendor_create_rejectsAtVendor(String vendor) {
    assertThat(violationsOf(() -> new VendorConfiguration(vendor, BUNDLE, null, null)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("literal_error", "vendor"));
  }

  @Test
  void givenNoBundle_create_rejectsAtBundleConfig() {
    assertThat(violationsOf(() -> new VendorConfiguration("LAUNCH", null, null, null)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("missing", "bundle_config"));
  }

  @Test
  void givenAnotherVendorAndNoBundle_create_reportsBothTogether() {
    assertThat(violationsOf(() -> new VendorConfiguration("LLMENGINE", null, null, null)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("literal_error", "vendor"), violation("missing", "bundle_config"));
  }

  @Test
  void givenABundle_launch_buildsALaunchConfigurationWithoutOptionalParts() {
    var config = VendorConfiguration.launch(BUNDLE);

    assertThat(config)
        .isEqualTo(new VendorConfiguration(VendorConfiguration.LAUNCH, BUNDLE, null, null));
  }

  @Test
  void givenNoBundle_launch_isRefused() {
    assertThatThrownBy(() -> VendorConfiguration.launch(null))
        .isInstanceOf(NullPointerException.class);
  }
}
