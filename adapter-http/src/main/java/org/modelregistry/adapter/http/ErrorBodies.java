package org.modelregistry.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Locale;
import org.modelregistry.domain.error.Violation;

/**
 * The error shapes of the API. The template and model family answers a list of located violations
 * or one message; the registration family answers one document with a status, a stable code, a
 * summary and, for 422 only, the violations.
 */
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

  /**
   * The registration family's error: {@code status} repeats the HTTP status, {@code error} is its
   * stable code ({@link #registrationCode}), {@code message} a summary for people, and {@code
   * violations} (422 only) every broken rule with its path.
   */
  record RegistrationErrorBody(
      int status,
      String error,
      String message,
      @JsonInclude(JsonInclude.Include.NON_NULL) List<RegistrationViolation> violations) {

    static RegistrationErrorBody of(int status, String reason, String message) {
      return new RegistrationErrorBody(status, registrationCode(status, reason), message, null);
    }

    static RegistrationErrorBody invalid(List<Violation> violations) {
      String summary =
          violations.size() == 1
              ? "the request has 1 invalid value"
              : "the request has " + violations.size() + " invalid values";
      return new RegistrationErrorBody(
          422,
          registrationCode(422, ""),
          summary,
          violations.stream()
              .map(v -> new RegistrationViolation(v.path(), v.type(), v.message()))
              .toList());
    }
  }

  /**
   * One broken rule: {@code path} from the request's root ({@code ["model_files", "a.bin"]} in the
   * body, {@code ["query", "limit"]}, {@code ["path", "name"]}), a machine type, a message.
   */
  record RegistrationViolation(List<Object> path, String type, String message) {}

  /**
   * The registration family's code of an HTTP status: the documented ones, else the status's reason
   * phrase in snake_case ({@code 414 -> uri_too_long}).
   */
  static String registrationCode(int status, String reasonPhrase) {
    return switch (status) {
      case 400 -> "bad_request";
      case 403 -> "forbidden";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 409 -> "conflict";
      case 413 -> "payload_too_large";
      case 415 -> "unsupported_media_type";
      case 416 -> "range_not_satisfiable";
      case 422 -> "validation_failed";
      case 500 -> "internal_error";
      case 503 -> "storage_unavailable";
      default -> {
        String code =
            reasonPhrase
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_|_$", "");
        yield code.isEmpty() ? "http_" + status : code;
      }
    };
  }
}
