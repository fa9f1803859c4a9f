package org.modelregistry.domain.registration;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.modelregistry.domain.error.ValidationException;

/**
 * Where the registry copies a model file from: an absolute URL with a host, as the caller gave it.
 * Such URLs carry their own read authorization (a signed query string, a SAS token), so the whole
 * URL is a secret: {@link #value()} is for the code that fetches the file and the code that stores
 * the registration, and {@link #toString()} shows only the {@link #redacted()} form. Which schemes
 * are allowed is a policy decision, see {@link SourceUrlPolicy}; network-level checks (which hosts
 * and addresses may be reached) belong to the fetcher.
 */
public record SourceUrl(String value) {

  /** Longer URLs than this are refused before parsing; real signed URLs stay far below it. */
  public static final int MAX_LENGTH = 8192;

  private static final String REDACTED_UNPARSEABLE = "[unparseable URL]";

  public SourceUrl {
    URI uri = parse(value);
    // User info is credentials in another place, and 'http://trusted@other/' misleads readers
    // about the host; the seeds ask for URLs that need no extra authentication.
    if (uri.getRawUserInfo() != null) {
      throw invalid(
          "a source URL must not contain user info (user:password@); sign the URL instead");
    }
  }

  /** The URL as a {@link URI}; it reveals the secret parts, like {@link #value()}. */
  public URI toUri() {
    return URI.create(value);
  }

  /** The scheme, lower-cased ({@code https}). */
  public String scheme() {
    return toUri().getScheme().toLowerCase(Locale.ROOT);
  }

  public String host() {
    return toUri().getHost();
  }

  /** The explicit port, or -1 when the URL has none. */
  public int port() {
    return toUri().getPort();
  }

  /**
   * Scheme, host, port and path only: safe to log and to show ({@code https://host:8443/c/m.bin}).
   */
  public String redacted() {
    return redact(toUri());
  }

  /** The redacted form of any URI: scheme, host, port and path; no user info, query or fragment. */
  public static String redact(URI uri) {
    if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
      return REDACTED_UNPARSEABLE;
    }
    var text = new StringBuilder();
    text.append(uri.getScheme().toLowerCase(Locale.ROOT)).append("://").append(uri.getHost());
    if (uri.getPort() != -1) {
      text.append(':').append(uri.getPort());
    }
    if (uri.getRawPath() != null) {
      text.append(uri.getRawPath());
    }
    return text.toString();
  }

  /**
   * The redacted form of a URL given as text, for URLs that never became a {@code SourceUrl} (a
   * redirect target, a rejected input): a placeholder when it cannot be parsed.
   */
  public static String redact(String text) {
    if (text == null || text.length() > MAX_LENGTH) {
      return REDACTED_UNPARSEABLE;
    }
    try {
      return redact(new URI(text));
    } catch (URISyntaxException e) {
      return REDACTED_UNPARSEABLE;
    }
  }

  /** The lower-cased scheme of {@code text}, or null when it has none or does not parse. */
  static String schemeOf(String text) {
    if (text == null || text.length() > MAX_LENGTH) {
      return null;
    }
    try {
      String scheme = new URI(text).getScheme();
      return scheme == null ? null : scheme.toLowerCase(Locale.ROOT);
    } catch (URISyntaxException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return redacted();
  }

  // Messages never quote the URL itself: it is a secret, and messages reach logs and responses.
  private static URI parse(String text) {
    if (text == null || text.isEmpty()) {
      throw invalid("a source URL must not be empty");
    }
    if (text.length() > MAX_LENGTH) {
      throw ValidationException.of(
          "a source URL must be at most " + MAX_LENGTH + " characters", "url_too_long");
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw invalid("a source URL must be a valid absolute URL (scheme://host/path)");
    }
    if (uri.getScheme() == null) {
      throw invalid("a source URL must be absolute, with a scheme and a host");
    }
    if (uri.isOpaque() || uri.getHost() == null) {
      throw invalid("a source URL must name a host (scheme://host/path)");
    }
    return uri;
  }

  private static ValidationException invalid(String message) {
    return ValidationException.of(message, "url_parsing");
  }
}
