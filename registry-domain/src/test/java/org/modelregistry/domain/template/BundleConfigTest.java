package org.modelregistry.domain.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modelregistry.domain.testdata.TestViolations.violation;
import static org.modelregistry.domain.testdata.TestViolations.violationsOf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modelregistry.domain.error.Violation;

class BundleConfigTest {

  private static BundleConfig bundle(String registry, String image, String tag, Integer readiness) {
    return new BundleConfig(registry, image, tag, null, null, null, readiness, null, null, null);
  }

  @Test
  void givenOnlyTheRequiredFields_create_appliesTheDocumentedDefaults() {
    var bundle = BundleConfig.of("registry.example", "llm-server", "1.0");

    assertThat(bundle.registry()).isEqualTo("registry.example");
    assertThat(bundle.image()).isEqualTo("llm-server");
    assertThat(bundle.tag()).isEqualTo("1.0");
    assertThat(bundle.readinessInitialDelaySeconds()).isEqualTo(120);
    assertThat(bundle.healthcheckRoute()).isEqualTo("/readyz");
    assertThat(bundle.predictRoute()).isEqualTo("/predict");
    assertThat(bundle.streamingPredictRoute()).isEqualTo("/generate_streaming");
    assertThat(bundle.command()).isNull();
    assertThat(bundle.env()).isNull();
    assertThat(bundle.streamingCommand()).isNull();
  }

  @Test
  void givenEveryField_create_keepsThemAll() {
    var bundle =
        new BundleConfig(
            "r",
            "i",
            "t",
            List.of("serve", "--port", "8080"),
            Map.of("MODEL", "m"),
            List.of("stream"),
            0,
            "/health",
            "/run",
            "/stream");

    assertThat(bundle.command()).containsExactly("serve", "--port", "8080");
    assertThat(bundle.env()).containsExactly(Map.entry("MODEL", "m"));
    assertThat(bundle.streamingCommand()).containsExactly("stream");
    assertThat(bundle.readinessInitialDelaySeconds()).isZero();
    assertThat(bundle.healthcheckRoute()).isEqualTo("/health");
    assertThat(bundle.predictRoute()).isEqualTo("/run");
    assertThat(bundle.streamingPredictRoute()).isEqualTo("/stream");
  }

  @Test
  void givenNoRegistryImageOrTag_create_reportsAllThreeAtTheirFields() {
    assertThat(violationsOf(() -> bundle(null, null, null, null)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("missing", "registry"),
            violation("missing", "image"),
            violation("missing", "tag"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t"})
  void givenBlankRegistryImageAndTag_create_reportsEachAsTooShort(String blank) {
    assertThat(violationsOf(() -> bundle(blank, blank, blank, null)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("string_too_short", "registry"),
            violation("string_too_short", "image"),
            violation("string_too_short", "tag"));
  }

  @Test
  void givenOnlyTheImageMissing_create_reportsOnlyTheImage() {
    assertThat(violationsOf(() -> bundle("r", null, "t", null)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("missing", "image"));
  }

  @Test
  void givenANegativeReadinessDelay_create_rejectsAtThatField() {
    assertThat(violationsOf(() -> bundle("r", "i", "t", -1)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("greater_than_equal", "readiness_initial_delay_seconds"));
  }

  @Test
  void givenEveryKindOfProblem_create_reportsThemTogether() {
    assertThat(violationsOf(() -> bundle(null, "", "t", -5)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("missing", "registry"),
            violation("string_too_short", "image"),
            violation("greater_than_equal", "readiness_initial_delay_seconds"));
  }

  @Test
  void givenMutableCollections_create_copiesThemUnmodifiable() {
    var command = new ArrayList<>(List.of("serve"));
    var env = new HashMap<>(Map.of("A", "1"));
    var streaming = new ArrayList<>(List.of("stream"));
    var bundle = new BundleConfig("r", "i", "t", command, env, streaming, null, null, null, null);

    command.add("--extra");
    env.put("B", "2");
    streaming.clear();

    assertThat(bundle.command()).containsExactly("serve");
    assertThat(bundle.env()).containsOnlyKeys("A");
    assertThat(bundle.streamingCommand()).containsExactly("stream");
    assertThatThrownBy(() -> bundle.command().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
