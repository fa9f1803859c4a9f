package org.modelregistry.domain.registration;

import java.util.Objects;

/**
 * A change to a registered version after the fact: its visibility, its description, its metainfo.
 * Null fields keep their current values. Files and configuration never change; a new version is
 * registered instead.
 */
public record RegistrationUpdate(
    Visibility visibility, String description, MetainfoPatch metainfo) {

  public RegistrationUpdate {
    metainfo = Objects.requireNonNullElse(metainfo, MetainfoPatch.EMPTY);
  }

  public boolean isEmpty() {
    return visibility == null && description == null && metainfo.isEmpty();
  }
}
