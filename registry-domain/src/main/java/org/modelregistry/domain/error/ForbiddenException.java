package org.modelregistry.domain.error;

/** The caller is known but not allowed to perform the operation. */
public final class ForbiddenException extends RegistryException {

  public ForbiddenException(String message) {
    super(message);
  }
}
