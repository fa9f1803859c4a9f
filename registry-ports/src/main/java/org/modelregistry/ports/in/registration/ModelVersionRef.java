package org.modelregistry.ports.in.registration;

import java.util.Objects;
import java.util.Optional;
import org.modelregistry.domain.naming.ResourceName;
import org.modelregistry.domain.registration.VersionName;

/**
 * How a caller addresses one registered version: by name and version, and optionally by owner
 * (names are unique per owner). Without an owner the caller's own version is meant when there is
 * one, otherwise the single public version of that name and version.
 */
public record ModelVersionRef(ResourceName name, VersionName version, Optional<String> owner) {

  public ModelVersionRef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(owner, "owner");
  }

  public static ModelVersionRef of(ResourceName name, VersionName version) {
    return new ModelVersionRef(name, version, Optional.empty());
  }

  @Override
  public String toString() {
    return owner.map(o -> o + "/").orElse("") + name + "/" + version;
  }
}
