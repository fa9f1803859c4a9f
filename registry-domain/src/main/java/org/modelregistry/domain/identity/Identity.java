package org.modelregistry.domain.identity;

import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.modelregistry.domain.error.Violations;
import org.modelregistry.domain.naming.BoundedText;

/**
 * A user or service account that may call the registry: the accounts and workspaces it belongs to
 * decide what it may see and change; an administrator may see and change everything.
 *
 * @param id its stable identifier, which becomes {@code created_by_user_id} of what it creates
 * @param displayName a human-readable name
 * @param type user or service account
 * @param accounts the accounts it belongs to (the template and model API's {@code account_id})
 * @param workspaces the workspaces it belongs to (the workspace API's path segment)
 * @param admin whether it may see and change everything, and manage identities and keys
 * @param createdAt when it was created
 */
public record Identity(
    String id,
    String displayName,
    IdentityType type,
    Set<String> accounts,
    Set<String> workspaces,
    boolean admin,
    Instant createdAt) {

  /** Longest account or workspace name a membership may hold. */
  public static final int MAX_MEMBERSHIP_LENGTH = 255;

  /** Most memberships of one kind an identity may hold. */
  public static final int MAX_MEMBERSHIPS = 1000;

  public Identity {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(createdAt, "createdAt");
    var violations = Violations.collect();
    if (id == null || id.isBlank() || id.length() > Actor.MAX_USER_ID_LENGTH) {
      violations.add(
          "string_pattern_mismatch",
          "id is 1 to " + Actor.MAX_USER_ID_LENGTH + " characters",
          "id");
    } else if (id.chars().anyMatch(Character::isISOControl)) {
      // The id lands in audit entries and logs: no control characters that could forge lines.
      violations.add("string_pattern_mismatch", "id must not contain control characters", "id");
    }
    violations
        .at("display_name")
        .attempt(
            () ->
                BoundedText.requireNonBlank(
                    displayName, BoundedText.DISPLAY_NAME_MAX, "display_name"));
    checkMemberships(accounts, "accounts", violations);
    checkMemberships(workspaces, "workspaces", violations);
    violations.throwIfAny();
    // Sorted, so that listings and stored rows come out the same every time.
    accounts = Collections.unmodifiableSortedSet(new TreeSet<>(accounts));
    workspaces = Collections.unmodifiableSortedSet(new TreeSet<>(workspaces));
  }

  private static void checkMemberships(Set<String> names, String field, Violations violations) {
    if (names == null) {
      violations.add(Violations.MISSING, field + " is required", field);
      return;
    }
    violations.require(
        names.size() <= MAX_MEMBERSHIPS,
        "too_long",
        field + " holds at most " + MAX_MEMBERSHIPS + " names",
        field);
    for (String name : names) {
      violations.require(
          name != null && !name.isBlank() && name.length() <= MAX_MEMBERSHIP_LENGTH,
          "string_too_long",
          field + " names are 1 to " + MAX_MEMBERSHIP_LENGTH + " characters",
          field);
    }
  }

  /**
   * This identity with {@code patch} applied: display name, memberships and admin flag may change;
   * id, type and creation time never do.
   *
   * @throws org.modelregistry.domain.error.ValidationException when the result breaks a rule
   */
  public Identity apply(IdentityPatch patch) {
    Objects.requireNonNull(patch, "patch");
    return new Identity(
        id,
        patch.displayName() != null ? patch.displayName() : displayName,
        type,
        patch.accounts() != null ? patch.accounts() : accounts,
        patch.workspaces() != null ? patch.workspaces() : workspaces,
        patch.admin() != null ? patch.admin() : admin,
        createdAt);
  }

  /** The actor this identity acts as: what it creates is recorded as created by it. */
  public Actor actor() {
    return new Actor(id, type);
  }
}
