package org.modelregistry.domain.registration;

/** What a registered model takes as input or gives as output. */
public enum DataKind {
  SOURCE_CODE,
  NATURAL_LANGUAGE,
  CLASS_LABEL,
  OTHER;

  /** Whether data of this kind is written in a language, so that listing languages makes sense. */
  public boolean hasLanguages() {
    return this == SOURCE_CODE || this == NATURAL_LANGUAGE;
  }
}
