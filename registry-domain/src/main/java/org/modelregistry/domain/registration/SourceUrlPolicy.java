package org.modelregistry.domain.registration;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.modelregistry.domain.error.ValidationException;

/**
 * Which URL schemes a registration may copy files from. The default allows only {@code http} and
 * {@code https}: {@code file:}, {@code ftp:}, {@code jar:} and the like would let a caller make the
 * registry read from places it should not. The policy applies when a registration is read, not to
 * registrations already stored, so that narrowing it never makes stored versions unreadable.
 */
public record SourceUrlPolicy(Set<String> allowedSchemes) {

  private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.\\-]*");

  // Declared after SCHEME, which its construction uses.
  public static final SourceUrlPolicy DEFAULT = new SourceUrlPolicy(Set.of("http", "https"));

  public SourceUrlPolicy {
    if (allowedSchemes == null || allowedSchemes.isEmpty()) {
      throw new IllegalArgumentException("a source URL policy must allow at least one scheme");
    }
    for (String scheme : allowedSchemes) {
      if (scheme == null || !SCHEME.matcher(scheme).matches()) {
        throw new IllegalArgumentException("schemes are given in lower case, such as 'https'");
      }
    }
    allowedSchemes = Set.copyOf(allowedSchemes);
  }

  /**
   * Reads {@code text} as a source URL this policy allows.
   *
   * @throws ValidationException (type {@code url_scheme}) for a scheme outside the policy, or the
   *     violation {@link SourceUrl} reports for a malformed URL; the path is the value itself
   */
  public SourceUrl parse(String text) {
    // The scheme is judged first so that 'file:///etc/passwd' is refused for what it is rather
    // than for its missing host.
    String scheme = SourceUrl.schemeOf(text);
    if (scheme != null && !allowedSchemes.contains(scheme)) {
      throw ValidationException.of(
          "a source URL must use "
              + String.join(" or ", new TreeSet<>(allowedSchemes))
              + ", not '"
              + scheme
              + "'",
          "url_scheme");
    }
    return new SourceUrl(text);
  }

  public boolean allows(SourceUrl url) {
    return allowedSchemes.contains(url.scheme());
  }
}
