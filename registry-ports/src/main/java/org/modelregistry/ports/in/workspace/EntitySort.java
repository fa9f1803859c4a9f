package org.modelregistry.ports.in.workspace;

import java.util.Objects;

/**
 * The order of a workspace list: by name, creation or update time, ascending or descending (the
 * wire's {@code -} prefix). Ties are broken by name, ascending.
 */
public record EntitySort(Field field, boolean descending) {

  /** What a list is sorted by. */
  public enum Field {
    NAME,
    CREATED_AT,
    UPDATED_AT
  }

  /** The reference's default: {@code created_at}, ascending. */
  public static final EntitySort DEFAULT = new EntitySort(Field.CREATED_AT, false);

  public EntitySort {
    Objects.requireNonNull(field, "field");
  }
}
