package org.modelregistry.adapter.http;

import java.util.List;
import org.modelregistry.domain.error.Violation;

/** The two error shapes of the API: a list of located violations, or one message. */
final class ErrorBodies {

  private ErrorBodies() {}

  /** The reference's {@code HTTPValidationError}: every violation at once. */
  record ValidationErrorBody(List<ErrorDetail> detail) {

    static ValidationErrorBody of(List<Violation> violations) {
      return new ValidationErrorBody(
          violations.stream().map(v -> new ErrorDetail(v.path(), v.message(), v.type())).toList());
    }
  }

  /** The reference's {@code ValidationError}: where, what, and a short machine-readable type. */
  record ErrorDetail(List<Object> loc, String msg, String type) {}

  /** {@code {"detail": "..."}}, for failures that are not about a particular input field. */
  record MessageBody(String detail) {}
}
