package org.modelregistry.domain.registration;

/**
 * Where a registered model version stands: its files are being copied into the registry's storage,
 * all of them are stored and verified, or at least one could not be copied.
 */
public enum ImportState {
  IMPORTING,
  READY,
  FAILED
}
