package org.modelregistry.domain.workspace;

import java.util.regex.Pattern;
import org.modelregistry.domain.error.ValidationException;

/**
 * A pattern over source URIs such as {@code s3://bucket/prefix/*} or {@code hf://org/*}: {@code *}
 * matches any run of characters within one path segment, {@code **} any run across segments, and
 * every other character only itself (regex metacharacters are quoted, never interpreted).
 */
public record SourceGlob(String pattern) {

  public static final int MAX_LENGTH = 1024;

  public SourceGlob {
    if (pattern == null || pattern.isBlank()) {
      throw ValidationException.of("a source pattern must not be empty", "string_too_short");
    }
    if (pattern.length() > MAX_LENGTH) {
      throw ValidationException.of(
          "a source pattern must be at most " + MAX_LENGTH + " characters", "string_too_long");
    }
  }

  /** Whether {@code source} matches the whole pattern; null never matches. */
  public boolean matches(String source) {
    return source != null && compile().matcher(source).matches();
  }

  private Pattern compile() {
    var regex = new StringBuilder();
    var literal = new StringBuilder();
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (c != '*') {
        literal.append(c);
        i++;
        continue;
      }
      if (!literal.isEmpty()) {
        regex.append(Pattern.quote(literal.toString()));
        literal.setLength(0);
      }
      // A run of two or more stars crosses '/', a single star stays within one segment.
      int run = 0;
      while (i < pattern.length() && pattern.charAt(i) == '*') {
        run++;
        i++;
      }
      regex.append(run >= 2 ? ".*" : "[^/]*");
    }
    if (!literal.isEmpty()) {
      regex.append(Pattern.quote(literal.toString()));
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  @Override
  public String toString() {
    return pattern;
  }
}
