package org.modelregistry.domain.registration;

/** Where the copy of one model file stands. */
public enum FileImportState {
  PENDING,
  COPYING,
  STORED,
  FAILED
}
