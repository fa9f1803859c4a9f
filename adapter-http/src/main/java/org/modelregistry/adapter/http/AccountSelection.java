package org.modelregistry.adapter.http;

import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import org.modelregistry.domain.error.Violation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code x-selected-account-id} header: the account a client works in. It fills in the account
 * of lists and creates that do not name one, and must agree with a body that does.
 */
final class AccountSelection {

  static final String HEADER = "x-selected-account-id";
  private static final String ACCOUNT_ID = "account_id";

  private AccountSelection() {}

  /** The selected account, or empty when the header is absent or blank. */
  static Optional<String> selected(Context ctx) {
    return Optional.ofNullable(ctx.header(HEADER)).filter(s -> !s.isBlank());
  }

  /** The account a list is limited to: the {@code account_id} parameter, else the header. */
  static Optional<String> forList(Context ctx, QueryParams query) {
    return query.text(ACCOUNT_ID).or(() -> selected(ctx));
  }

  /**
   * Fills the selected account into a create body without {@code account_id}; a body naming another
   * account yields a violation at {@code ["body", "account_id"]}.
   */
  static List<Violation> applyTo(Context ctx, ObjectNode body) {
    Optional<String> selected = selected(ctx);
    if (selected.isEmpty()) {
      return List.of();
    }
    JsonNode given = body.get(ACCOUNT_ID);
    if (given == null || given.isNull()) {
      body.put(ACCOUNT_ID, selected.get());
      return List.of();
    }
    if (given.isString() && !given.stringValue().equals(selected.get())) {
      return List.of(
          new Violation(
              List.of("body", ACCOUNT_ID),
              "account_id '"
                  + given.stringValue()
                  + "' differs from the account selected by "
                  + HEADER
                  + " ('"
                  + selected.get()
                  + "')",
              "value_error"));
    }
    return List.of();
  }
}
