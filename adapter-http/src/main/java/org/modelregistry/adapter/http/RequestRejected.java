package org.modelregistry.adapter.http;

import java.util.List;
import org.modelregistry.domain.error.Violation;

/**
 * A request refused by the adapter itself before any use case runs (body too large, wrong media
 * type, unreadable body, not one JSON object). {@code status} is the template family's, which
 * answers it in the validation error shape; the registration family answers 400 for the 422 ones
 * (see {@link ErrorMapping}).
 */
final class RequestRejected extends RuntimeException {

  private final int status;
  private final transient List<Violation> violations;

  RequestRejected(int status, Violation violation) {
    super(violation.message());
    this.status = status;
    this.violations = List.of(violation);
  }

  int status() {
    return status;
  }

  List<Violation> violations() {
    return violations;
  }
}
