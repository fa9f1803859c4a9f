package org.modelregistry.domain.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.modelregistry.domain.testdata.TestViolations.violation;
import static org.modelregistry.domain.testdata.TestViolations.violationsOf;

import java.util.List;
import org.junit.jupiter.api.Test;

class ViolationsTest {

  private static ValidationException rejection(String type, Object... path) {
    return ValidationException.of("rejected", type, path);
  }

  @Test
  void givenNothingCollected_throwIfAny_doesNothing() {
    var violations = Violations.collect();

    assertThat(violations.isEmpty()).isTrue();
    assertThat(violations.list()).isEmpty();
    assertThatCode(violations::throwIfAny).doesNotThrowAnyException();
  }

  @Test
  void givenARootCollector_add_recordsAtTheRelativePath() {
    var violations = Violations.collect();

    violations.add("value_error", "bad", "a", 0, "b");

    assertThat(violations.list())
        .extracting(Violation::path, Violation::type, Violation::message)
        .containsExactly(tuple(List.of("a", 0, "b"), "value_error", "bad"));
  }

  @Test
  void givenAChildCollector_add_prefixesItsPath() {
    var violations = Violations.collect();

    violations.at("vendor_configuration", "bundle_config").add("missing", "gone", "image");

    assertThat(violations.list())
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("missing", "vendor_configuration", "bundle_config", "image"));
  }

  @Test
  void givenNestedChildCollectors_add_concatenatesEveryPrefix() {
    var violations = Violations.collect();

    violations.at("schema").at("parameters", 2).add("string_too_short", "empty", "name");

    assertThat(violations.list())
        .extracting(Violation::path)
        .containsExactly(List.of("schema", "parameters", 2, "name"));
  }

  @Test
  void givenAChildCollectorWithNoRelativePath_add_recordsAtThePrefix() {
    var violations = Violations.collect();

    violations.at("parameters", 0).add("dict_type", "not an object");

    assertThat(violations.list())
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("dict_type", "parameters", 0));
  }

  @Test
  void givenAChildCollector_add_isVisibleThroughTheParentAndSiblings() {
    var root = Violations.collect();
    var child = root.at("a");
    var sibling = root.at("b");

    child.add("t", "m");

    assertThat(root.isEmpty()).isFalse();
    assertThat(sibling.list()).hasSize(1);
  }

  @Test
  void givenAHoldingCondition_require_recordsNothing() {
    var violations = Violations.collect();

    violations.require(true, "value_error", "never", "x");

    assertThat(violations.isEmpty()).isTrue();
  }

  @Test
  void givenABrokenCondition_require_recordsAtTheRelativePath() {
    var violations = Violations.collect();

    violations.at("endpoint_config").require(false, "value_error", "broken", "max_workers");

    assertThat(violations.list())
        .extracting(Violation::path, Violation::type, Violation::message)
        .containsExactly(tuple(List.of("endpoint_config", "max_workers"), "value_error", "broken"));
  }

  @Test
  void givenAFactoryThatSucceeds_attempt_returnsItsValue() {
    var violations = Violations.collect();

    String result = violations.at("x").attempt(() -> "made");

    assertThat(result).isEqualTo("made");
    assertThat(violations.isEmpty()).isTrue();
  }

  @Test
  void givenAFactoryThatRejects_attempt_returnsNullAndRecordsEveryViolationUnderThePrefix() {
    var violations = Violations.collect();
    var nested =
        new ValidationException(
            List.of(
                new Violation(List.of("registry"), "m1", "missing"),
                new Violation(List.of("tag"), "m2", "string_too_short")));

    Object result =
        violations
            .at("vendor_configuration", "bundle_config")
            .attempt(
                () -> {
                  throw nested;
                });

    assertThat(result).isNull();
    assertThat(violations.list())
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("missing", "vendor_configuration", "bundle_config", "registry"),
            violation("string_too_short", "vendor_configuration", "bundle_config", "tag"));
  }

  @Test
  void givenAFactoryRejectingTheValueItself_attempt_recordsAtThePrefix() {
    var violations = Violations.collect();

    violations
        .at("name")
        .attempt(
            () -> {
              throw rejection("string_pattern_mismatch");
            });

    assertThat(violations.list())
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("string_pattern_mismatch", "name"));
  }

  @Test
  void givenAFactoryFailingWithAnotherException_attempt_letsItPropagate() {
    var violations = Violations.collect();

    assertThatThrownBy(
            () ->
                violations.attempt(
                    () -> {
                      throw new IllegalStateException("bug");
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(violations.isEmpty()).isTrue();
  }

  @Test
  void givenAPartAlreadyRejected_addMissingForThatPart_isDropped() {
    var violations = Violations.collect();
    violations
        .at("bundle_config")
        .attempt(
            () -> {
              throw rejection("missing", "image");
            });

    violations.add(Violations.MISSING, "bundle_config is required", "bundle_config");

    assertThat(violations.list())
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("missing", "bundle_config", "image"));
  }

  @Test
  void givenAValueAlreadyRejectedAtTheSamePath_addMissing_isDropped() {
    var violations = Violations.collect();
    violations.add("string_type", "name must be a string", "name");

    violations.require(false, Violations.MISSING, "name is required", "name");

    assertThat(violations.list())
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("string_type", "name"));
  }

  @Test
  void givenAPartAlreadyRejected_aNonMissingComplaintAboutIt_isKept() {
    var violations = Violations.collect();
    violations.add("string_type", "bad", "name");

    violations.add("value_error", "also bad", "name");

    assertThat(violations.list())
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("string_type", "name"), violation("value_error", "name"));
  }

  @Test
  void givenOnlyAnUnrelatedRejection_addMissing_isKept() {
    var violations = Violations.collect();
    violations.add("string_type", "bad", "bundle_config_extra");
    violations.add("string_type", "bad", "other", "bundle_config");

    violations.add(Violations.MISSING, "bundle_config is required", "bundle_config");

    assertThat(violations.list())
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("string_type", "bundle_config_extra"),
            violation("string_type", "other", "bundle_config"),
            violation("missing", "bundle_config"));
  }

  @Test
  void givenARejectionInsideAParentPart_addMissingForADeeperPath_isKept() {
    var violations = Violations.collect();
    violations.add("value_error", "bad", "vendor_configuration");

    violations.add(Violations.MISSING, "required", "vendor_configuration", "bundle_config");

    assertThat(violations.list()).hasSize(2);
  }

  @Test
  void givenSeveralViolations_throwIfAny_listsAllOfThemInOrder() {
    var violations = Violations.collect();
    violations.add("missing", "registry is required", "registry");
    violations.at("endpoint_config").add("value_error", "too few", "max_workers");
    violations.add("string_too_short", "tag must not be empty", "tag");

    var thrown = violationsOf(violations::throwIfAny);

    assertThat(thrown)
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("missing", "registry"),
            violation("value_error", "endpoint_config", "max_workers"),
            violation("string_too_short", "tag"));
  }

  @Test
  void givenCollectedViolations_list_isAnImmutableSnapshot() {
    var violations = Violations.collect();
    violations.add("t", "m", "a");
    var snapshot = violations.list();

    violations.add("t", "m", "b");

    assertThat(snapshot).hasSize(1);
    assertThatThrownBy(() -> snapshot.add(null)).isInstanceOf(UnsupportedOperationException.class);
  }
}
