package org.modelregistry.domain.registration;

/** Who can see a registered model version: everyone, or only its owner. */
public enum Visibility {
  PUBLIC,
  PRIVATE;

  /** Registrations are private unless the caller asks otherwise. */
  public static final Visibility DEFAULT = PRIVATE;

  /** The visibility the wire flag {@code private} (or {@code is_private}) stands for. */
  public static Visibility ofPrivateFlag(boolean isPrivate) {
    return isPrivate ? PRIVATE : PUBLIC;
  }

  public boolean isPrivate() {
    return this == PRIVATE;
  }
}
