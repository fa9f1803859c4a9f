package org.modelregistry.ports.out;

/**
 * An external source of fileset files (an S3 bucket, a Hugging Face endpoint) could not answer: it
 * is unreachable, refused our credentials, or answered something unreadable. The message is shown
 * to users, so it names the source and the redacted URL at most, never a secret or signed query.
 */
public final class ExternalSourceException extends RuntimeException {

  public ExternalSourceException(String message, Throwable cause) {
    super(message, cause);
  }

  public ExternalSourceException(String message) {
    super(message);
  }
}
