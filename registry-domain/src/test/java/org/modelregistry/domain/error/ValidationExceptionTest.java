package org.modelregistry.domain.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationExceptionTest {

  @Test
  void givenNoViolation_create_isRefused() {
    assertThatThrownBy(() -> new ValidationException(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenAMessageTypeAndPath_of_buildsOneViolation() {
    var e = ValidationException.of("name is required", "missing", "vendor_configuration", 0);

    assertThat(e.violations())
        .containsExactly(
            new Violation(List.of("vendor_configuration", 0), "name is required", "missing"));
  }

  @Test
  void givenSeveralViolations_message_summarisesEachWithItsPath() {
    var e =
        new ValidationException(
            List.of(
                new Violation(List.of("registry"), "registry is required", "missing"),
                new Violation(List.of("tag"), "tag must not be empty", "string_too_short")));

    assertThat(e.getMessage())
        .isEqualTo("[registry]: registry is required; [tag]: tag must not be empty");
  }

  @Test
  void givenAValidationException_typeHierarchy_makesItARegistryException() {
    RegistryException e = ValidationException.of("m", "t");

    assertThat(e).isInstanceOf(RuntimeException.class);
  }

  @Test
  void givenAnIdAndKind_notFoundOf_namesBoth() {
    assertThat(NotFoundException.of("model template", "t-1"))
        .hasMessage("model template 't-1' was not found");
  }
}
