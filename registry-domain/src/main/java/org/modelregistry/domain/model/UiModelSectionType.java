package org.modelregistry.domain.model;

/** Where a base model is listed in a catalogue. */
public enum UiModelSectionType {
  PARTNER,
  OPENSOURCE,
  CUSTOM
}
