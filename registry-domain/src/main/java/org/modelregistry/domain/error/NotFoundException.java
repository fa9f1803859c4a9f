package org.modelregistry.domain.error;

/** The addressed entity does not exist (or is not visible to the caller). */
public final class NotFoundException extends RegistryException {

  public NotFoundException(String message) {
    super(message);
  }

  public static NotFoundException of(String kind, String id) {
    return new NotFoundException(kind + " '" + id + "' was not found");
  }
}
