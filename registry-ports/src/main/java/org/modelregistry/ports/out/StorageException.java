package org.modelregistry.ports.out;

/** An artifact store could not complete an operation (I/O failure, unreachable service). */
public final class StorageException extends RuntimeException {

  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }

  public StorageException(String message) {
    super(message);
  }
}
