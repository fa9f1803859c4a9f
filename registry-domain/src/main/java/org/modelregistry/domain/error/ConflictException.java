package org.modelregistry.domain.error;

/** The operation conflicts with the current state: a duplicate name, or an entity still in use. */
public final class ConflictException extends RegistryException {

  public ConflictException(String message) {
    super(message);
  }
}
