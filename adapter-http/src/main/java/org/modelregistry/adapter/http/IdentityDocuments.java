package org.modelregistry.adapter.http;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.modelregistry.domain.error.Violations;
import org.modelregistry.domain.identity.IdentityPatch;
import org.modelregistry.domain.identity.IdentityType;
import org.modelregistry.ports.in.identity.NewApiKey;
import org.modelregistry.ports.in.identity.NewIdentity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the admin routes' JSON bodies into commands, reporting every wrong field at once (at {@code
 * ["body", field]}); the domain checks the values themselves.
 */
final class IdentityDocuments {

  private static final Set<String> IDENTITY_FIELDS =
      Set.of("id", "display_name", "type", "accounts", "workspaces", "admin");
  private static final Set<String> PATCH_FIELDS =
      Set.of("display_name", "accounts", "workspaces", "admin");
  private static final Set<String> KEY_FIELDS = Set.of("name", "expires_at");

  private IdentityDocuments() {}

  /** {@code {"id", "display_name", "type"?, "accounts"?, "workspaces"?, "admin"?}}. */
  static NewIdentity newIdentity(ObjectNode body) {
    Violations violations = Violations.collect().at("body");
    onlyFields(body, IDENTITY_FIELDS, violations);
    String id = text(body, "id", true, violations);
    String displayName = text(body, "display_name", true, violations);
    String typeWire = text(body, "type", false, violations);
    IdentityType type = IdentityType.USER;
    if (typeWire != null) {
      try {
        type = IdentityType.fromWire(typeWire);
      } catch (IllegalArgumentException e) {
        violations.add("enum", "type must be one of user, service_account", "type");
      }
    }
    Set<String> accounts = names(body, "accounts", violations);
    Set<String> workspaces = names(body, "workspaces", violations);
    Boolean admin = flag(body, "admin", violations);
    violations.throwIfAny();
    return new NewIdentity(id, displayName, type, accounts, workspaces, Boolean.TRUE.equals(admin));
  }

  /** {@code {"display_name"?, "accounts"?, "workspaces"?, "admin"?}}; absent fields keep theirs. */
  static IdentityPatch patch(ObjectNode body) {
    Violations violations = Violations.collect().at("body");
    onlyFields(body, PATCH_FIELDS, violations);
    String displayName = text(body, "display_name", false, violations);
    Set<String> accounts = names(body, "accounts", violations);
    Set<String> workspaces = names(body, "workspaces", violations);
    Boolean admin = flag(body, "admin", violations);
    violations.throwIfAny();
    return new IdentityPatch(displayName, accounts, workspaces, admin);
  }

  /** {@code {"name"?, "expires_at"?}}, an ISO-8601 instant; for {@code identityId}. */
  static NewApiKey newKey(String identityId, ObjectNode body) {
    Violations violations = Violations.collect().at("body");
    onlyFields(body, KEY_FIELDS, violations);
    String name = text(body, "name", false, violations);
    String expiresWire = text(body, "expires_at", false, violations);
    Optional<Instant> expiresAt = Optional.empty();
    if (expiresWire != null) {
      try {
        expiresAt = Optional.of(Instant.parse(expiresWire));
      } catch (DateTimeParseException e) {
        violations.add(
            "datetime_parsing", "expires_at must be an ISO-8601 instant in UTC", "expires_at");
      }
    }
    violations.throwIfAny();
    return new NewApiKey(identityId, name, expiresAt);
  }

  private static void onlyFields(ObjectNode body, Set<String> allowed, Violations violations) {
    for (String field : body.propertyNames()) {
      if (!allowed.contains(field)) {
        violations.add("extra_forbidden", "unknown field", field);
      }
    }
  }

  /** The string at {@code field}; null when absent or null (a violation when required). */
  private static String text(
      ObjectNode body, String field, boolean required, Violations violations) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      if (required) {
        violations.add(Violations.MISSING, field + " is required", field);
      }
      return null;
    }
    if (!node.isString()) {
      violations.add("string_type", field + " must be a string", field);
      return null;
    }
    return node.stringValue();
  }

  /** The list of names at {@code field}; null when absent or null. */
  private static Set<String> names(ObjectNode body, String field, Violations violations) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isArray()) {
      violations.add("list_type", field + " must be a list of strings", field);
      return null;
    }
    Set<String> names = new LinkedHashSet<>();
    for (JsonNode item : node) {
      if (!item.isString()) {
        violations.add("string_type", field + " must be a list of strings", field);
        return null;
      }
      names.add(item.stringValue());
    }
    return names;
  }

  private static Boolean flag(ObjectNode body, String field, Violations violations) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isBoolean()) {
      violations.add("bool_type", field + " must be true or false", field);
      return null;
    }
    return node.booleanValue();
  }
}
