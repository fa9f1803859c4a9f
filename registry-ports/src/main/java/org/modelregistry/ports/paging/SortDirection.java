package org.modelregistry.ports.paging;

/** Ascending or descending. */
public enum SortDirection {
  ASC,
  DESC
}
