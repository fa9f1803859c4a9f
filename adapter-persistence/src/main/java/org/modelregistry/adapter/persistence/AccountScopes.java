package org.modelregistry.adapter.persistence;

import java.util.Optional;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.modelregistry.domain.identity.AccountScope;

/**
 * {@link AccountScope#includes} as SQL, so that lists and their counts hold only what the viewer
 * may see: rows of its accounts, or rows it created.
 */
final class AccountScopes {

  private AccountScopes() {}

  static Condition condition(
      Optional<AccountScope> scope, Field<String> accountId, Field<String> createdByUserId) {
    if (scope.isEmpty()) {
      return DSL.noCondition();
    }
    Condition ofItsAccounts =
        scope.get().accounts().isEmpty()
            ? DSL.falseCondition()
            : accountId.in(scope.get().accounts());
    return scope
        .get()
        .creatorId()
        .map(id -> ofItsAccounts.or(createdByUserId.eq(id)))
        .orElse(ofItsAccounts);
  }
}
