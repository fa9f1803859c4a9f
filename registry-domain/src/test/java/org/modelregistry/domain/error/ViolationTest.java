package org.modelregistry.domain.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ViolationTest {

  @Test
  void givenFieldNamesAndIndexes_create_keepsThePath() {
    var violation = new Violation(List.of("parameters", 3, "name"), "m", "t");

    assertThat(violation.path()).containsExactly("parameters", 3, "name");
  }

  @Test
  void givenASegmentThatIsNeitherNameNorIndex_create_isRefused() {
    assertThatThrownBy(() -> new Violation(List.of("parameters", 3L), "m", "t"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenAMutablePath_create_copiesIt() {
    var path = new ArrayList<Object>(List.of("a"));
    var violation = new Violation(path, "m", "t");

    path.add("b");

    assertThat(violation.path()).containsExactly("a");
  }

  @Test
  void givenMissingParts_create_isRefused() {
    assertThatThrownBy(() -> new Violation(null, "m", "t"))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Violation(List.of(), null, "t"))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Violation(List.of(), "m", null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void givenAPrefix_under_putsItInFrontAndKeepsMessageAndType() {
    var violation = new Violation(List.of("image"), "image is required", "missing");

    var moved = violation.under(List.of("vendor_configuration", "bundle_config"));

    assertThat(moved)
        .isEqualTo(
            new Violation(
                List.of("vendor_configuration", "bundle_config", "image"),
                "image is required",
                "missing"));
  }

  @Test
  void givenAnEmptyPrefix_under_returnsTheSameViolation() {
    var violation = new Violation(List.of("a"), "m", "t");

    assertThat(violation.under(List.of())).isSameAs(violation);
  }
}
