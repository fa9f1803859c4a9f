package org.modelregistry.domain.identity;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One mutation as the audit log keeps it: who asked, what, when, and how it ended.
 *
 * @param at when the request ended
 * @param actor the authenticated identity, or empty for a request nobody could be named for
 * @param action what was asked, as a route ({@code PUT /api/v1.0/model/{name}/{version}}), not
 *     blank; cut to its first {@value #MAX_ACTION_LENGTH} characters
 * @param target the concrete resource ({@code /api/v1.0/model/llama/1.0}); cut to its first {@value
 *     #MAX_TARGET_LENGTH} characters, so that an absurd path cannot keep a mutation from being
 *     recorded
 * @param status the HTTP status it ended with
 */
public record AuditEntry(
    Instant at, Optional<Actor> actor, String action, String target, int status) {

  public static final int MAX_ACTION_LENGTH = 512;
  public static final int MAX_TARGET_LENGTH = 2048;

  public AuditEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(target, "target");
    if (action.isBlank()) {
      throw new IllegalArgumentException("an audit entry names its action");
    }
    action = cut(action, MAX_ACTION_LENGTH);
    target = cut(target, MAX_TARGET_LENGTH);
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("an HTTP status is 100 to 599, not " + status);
    }
  }

  /** The first {@code max} UTF-16 units of {@code text}, never half a surrogate pair. */
  private static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, end);
  }

  /** Whether the mutation took effect (a 2xx answer). */
  public boolean succeeded() {
    return status >= 200 && status < 300;
  }
}
