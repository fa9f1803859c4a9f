package org.modelregistry.domain.testdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.assertj.core.groups.Tuple;
import org.modelregistry.domain.error.ValidationException;
import org.modelregistry.domain.error.Violation;

/**
 * Helpers to assert on validation failures: run the code, expect a {@link ValidationException}, and
 * compare its violations as (path, type) tuples.
 *
 * <pre>{@code
 * assertThat(violationsOf(() -> new ResourceName("")))
 *     .extracting(Violation::path, Violation::type)
 *     .containsExactly(violation("string_too_short"));
 * }</pre>
 */
public final class TestViolations {

  private TestViolations() {}

  /** The violations of the {@link ValidationException} {@code call} throws; fails otherwise. */
  public static List<Violation> violationsOf(ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).isInstanceOf(ValidationException.class);
    return ((ValidationException) thrown).violations();
  }

  /** A (path, type) tuple to compare with {@code extracting(Violation::path, Violation::type)}. */
  public static Tuple violation(String type, Object... path) {
    return tuple(List.of(path), type);
  }
}
