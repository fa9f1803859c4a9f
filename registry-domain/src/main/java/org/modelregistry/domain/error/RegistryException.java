package org.modelregistry.domain.error;

/**
 * An expected failure of a registry operation. The hierarchy is sealed so that every adapter maps
 * each kind exhaustively, in one place.
 */
public abstract sealed class RegistryException extends RuntimeException
    permits NotFoundException, ConflictException, ValidationException, ForbiddenException {

  protected RegistryException(String message) {
    super(message);
  }
}
