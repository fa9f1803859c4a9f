package org.modelregistry.ports.out;

/**
 * A source could not be fetched. The message is shown to users as the file's failure reason, so it
 * names the redacted URL at most, never the signed query. Retryable failures (connection errors,
 * timeouts, 5xx and 429 answers) may succeed later; the others (4xx answers, refused addresses, too
 * many redirects) will not.
 */
public final class SourceFetchException extends RuntimeException {

  private final boolean retryable;

  public SourceFetchException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  public SourceFetchException(String message, boolean retryable) {
    this(message, retryable, null);
  }

  public boolean isRetryable() {
    return retryable;
  }
}
