package org.modelregistry.domain.registration;

/** The architecture family of a registered transformer model, as the registration API names it. */
public enum ModelKind {
  ENCODER,
  DECODER,
  SEQ2SEQ
}
