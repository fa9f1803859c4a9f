package org.modelregistry.domain.workspace;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.modelregistry.domain.error.ValidationException;

/** The check that a configured URL is an absolute http or https URI with a host. */
final class HttpUris {

  static final int MAX_LENGTH = 2048;

  private HttpUris() {}

  /** Throws at the value itself unless {@code text} is an absolute http(s) URI with a host. */
  static URI require(String text, String what) {
    if (text == null || text.isEmpty()) {
      throw ValidationException.of(what + " must not be empty", "string_too_short");
    }
    if (text.length() > MAX_LENGTH) {
      throw ValidationException.of(
          what + " must be at most " + MAX_LENGTH + " characters", "string_too_long");
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw ValidationException.of(what + " must be a valid URI", "url_parsing");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw ValidationException.of(what + " must be an absolute http or https URI", "url_scheme");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw ValidationException.of(what + " must name a host", "url_parsing");
    }
    return uri;
  }
}
