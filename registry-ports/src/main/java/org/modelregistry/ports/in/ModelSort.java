package org.modelregistry.ports.in;

import java.util.Objects;
import org.modelregistry.ports.paging.SortDirection;

/** One ordering key of a model list. */
public record ModelSort(ModelSortField field, SortDirection direction) {
  public ModelSort {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(direction, "direction");
  }
}
