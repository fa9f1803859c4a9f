package org.modelregistry.adapter.storage.fetch;

import java.util.OptionalInt;
import org.modelregistry.ports.out.SourceFetchException;

/**
 * The HTTP status a source answered with, attached by {@link HttpSourceFetcher} as the cause of the
 * {@link SourceFetchException} for an answer that is neither a success nor a redirect, so that
 * callers can tell a missing resource (404) from refused credentials (401, 403) without reading
 * messages. It carries no URL and no header.
 */
public final class HttpStatusException extends Exception {

  private final int status;

  HttpStatusException(int status) {
    super("HTTP status " + status, null, false, false);
    this.status = status;
  }

  public int status() {
    return status;
  }

  /**
   * The status {@code failure} reports through its {@code HttpStatusException} cause; empty for
   * failures without an answer (refused hosts, connection errors, timeouts) and for failures of
   * fetchers that attach no status, whatever their message says.
   */
  public static OptionalInt statusOf(SourceFetchException failure) {
    return failure.getCause() instanceof HttpStatusException answered
        ? OptionalInt.of(answered.status)
        : OptionalInt.empty();
  }
}
