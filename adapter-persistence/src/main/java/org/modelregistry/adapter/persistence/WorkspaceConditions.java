package org.modelregistry.adapter.persistence;

import java.time.Instant;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.modelregistry.ports.in.workspace.EntitySort;
import org.modelregistry.ports.in.workspace.TextMatch;
import org.modelregistry.ports.in.workspace.TimeRange;

/**
 * The SQL of workspace list filters and orders, agreeing exactly with {@link TextMatch#matches} and
 * {@link TimeRange#contains} so that every store lists the same items.
 */
final class WorkspaceConditions {

  /** Escapes the LIKE escape character itself; {@code %} and {@code _} stay wildcards. */
  private static final char ESCAPE = '\\';

  private WorkspaceConditions() {}

  /**
   * Rows whose {@code field} passes {@code match}. An absent value (NULL) fails {@code $eq}, {@code
   * $like} and {@code $in} and passes {@code $nin}, as in {@link TextMatch#matches}.
   */
  static Condition matches(Field<String> field, TextMatch match) {
    Condition condition = DSL.noCondition();
    if (match.equalTo().isPresent()) {
      condition = condition.and(field.eq(match.equalTo().get()));
    }
    if (match.like().isPresent()) {
      condition = condition.and(likeContains(field, match.like().get()));
    }
    if (!match.in().isEmpty()) {
      condition = condition.and(field.in(match.in()));
    }
    if (!match.notIn().isEmpty()) {
      condition = condition.and(field.isNull().or(field.notIn(match.notIn())));
    }
    return condition;
  }

  /**
   * Case-insensitive containment with the {@code %} and {@code _} wildcards: {@code lower(x) LIKE
   * lower('%pattern%') ESCAPE '\'}, every backslash of the pattern escaped so that it is literal.
   * Both sides go through the database's {@code lower}, so they fold case alike (SQLite folds ASCII
   * letters only).
   */
  static Condition likeContains(Field<String> field, String pattern) {
    String escaped = pattern.replace("\\", "\\\\");
    return field
        .isNotNull()
        .and(DSL.lower(field).like(DSL.lower(DSL.val("%" + escaped + "%")), ESCAPE));
  }

  /**
   * Rows whose {@code micros} lie in {@code range}, bounds included. Stored times have microsecond
   * precision, so a bound with finer digits is rounded inwards: up for the start, down for the end.
   */
  static Condition within(Field<Long> micros, TimeRange range) {
    Condition condition = DSL.noCondition();
    if (range.from().isPresent()) {
      condition = condition.and(micros.ge(ceilMicros(range.from().get())));
    }
    if (range.to().isPresent()) {
      condition = condition.and(micros.le(EpochMicros.of(range.to().get())));
    }
    return condition;
  }

  private static long ceilMicros(Instant instant) {
    long micros = EpochMicros.of(instant);
    return instant.getNano() % 1_000 == 0 ? micros : micros + 1;
  }

  /** The order {@code sort} asks for, ties broken by {@code name} ascending. */
  static List<SortField<?>> order(
      EntitySort sort, Field<String> name, Field<Long> createdAt, Field<Long> updatedAt) {
    Field<?> primary =
        switch (sort.field()) {
          case NAME -> name;
          case CREATED_AT -> createdAt;
          case UPDATED_AT -> updatedAt;
        };
    SortField<?> first = sort.descending() ? primary.desc() : primary.asc();
    return sort.field() == EntitySort.Field.NAME ? List.of(first) : List.of(first, name.asc());
  }
}
