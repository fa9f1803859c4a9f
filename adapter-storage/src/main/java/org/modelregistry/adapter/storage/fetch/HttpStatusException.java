package org.modelregistry.adapter.storage.fetch;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.modelregistry.ports.out.SourceFetchException;

/**
 * The HTTP status a source answered with, attached by {@link HttpSourceFetcher} as the cause of the
 * {@link SourceFetchException} for an answer that is neither a success nor a redirect, so that
 * callers can tell a missing resource (404) from refused credentials (401, 403) without reading
 * messages. It carries no URL and no header.
 */
public final class HttpStatusException extends Exception {

  // The message form of HttpSourceFetcher ("GET <url> returned 404"), which other fetchers copy.
  private static final Pattern RETURNED = Pattern.compile(" returned (\\d{3})(?::|$)");

  private final int status;

  HttpStatusException(int status) {
    super("HTTP status " + status, null, false, false);
    this.status = status;
  }

  public int status() {
    return status;
  }

  /**
   * The status {@code failure} reports: from its {@code HttpStatusException} cause, or else from a
   * message of the form {@code "GET <url> returned 404"}; empty for failures without an answer
   * (refused hosts, connection errors, timeouts).
   */
  public static OptionalInt statusOf(SourceFetchException failure) {
    if (failure.getCause() instanceof HttpStatusException answered) {
      return OptionalInt.of(answered.status);
    }
    Matcher returned = RETURNED.matcher(failure.getMessage() == null ? "" : failure.getMessage());
    return returned.find()
        ? OptionalInt.of(Integer.parseInt(returned.group(1)))
        : OptionalInt.empty();
  }
}
