package org.modelregistry.ports.in.identity;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.modelregistry.domain.error.Violations;
import org.modelregistry.domain.identity.Actor;

/**
 * Which audit entries to list: optionally only one actor's and only those at or before an instant,
 * one 1-based page of {@code pageSize} entries (default 100, at most 1000), newest first.
 */
public record AuditQuery(
    Optional<String> actorId, Optional<Instant> before, int page, int pageSize) {

  public static final int DEFAULT_PAGE_SIZE = 100;
  public static final int MAX_PAGE_SIZE = 1000;

  /** The newest entries of anyone. */
  public static final AuditQuery LATEST =
      new AuditQuery(Optional.empty(), Optional.empty(), 1, DEFAULT_PAGE_SIZE);

  public AuditQuery {
    Objects.requireNonNull(actorId, "actorId");
    Objects.requireNonNull(before, "before");
    var violations = Violations.collect();
    violations.require(
        actorId.map(id -> !id.isBlank() && id.length() <= Actor.MAX_USER_ID_LENGTH).orElse(true),
        "string_pattern_mismatch",
        "actor_id is 1 to " + Actor.MAX_USER_ID_LENGTH + " characters",
        "actor_id");
    violations.require(page >= 1, "greater_than_equal", "page must be at least 1", "page");
    violations.require(
        pageSize >= 1 && pageSize <= MAX_PAGE_SIZE,
        "less_than_equal",
        "page_size must be between 1 and " + MAX_PAGE_SIZE,
        "page_size");
    violations.throwIfAny();
  }
}
