package org.modelregistry.ports.in.workspace;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A filter on a text field, as the reference's {@code StringFilter} (or a plain string, which means
 * {@code $eq}). Parts combine with AND; an empty match accepts everything.
 *
 * @param equalTo the value must be exactly this
 * @param like the value must contain this text, case-insensitively ({@code %} matches any run of
 *     characters, {@code _} one character; no other character is special). On SQLite only ASCII
 *     letters fold case in SQL, so non-ASCII letters match case-sensitively there.
 * @param in the value must be one of these (ignored when empty)
 * @param notIn the value must be none of these
 */
public record TextMatch(
    Optional<String> equalTo, Optional<String> like, List<String> in, List<String> notIn) {

  public TextMatch {
    Objects.requireNonNull(equalTo, "equalTo");
    Objects.requireNonNull(like, "like");
    in = List.copyOf(in);
    notIn = List.copyOf(notIn);
  }

  public static TextMatch equalTo(String value) {
    return new TextMatch(Optional.of(value), Optional.empty(), List.of(), List.of());
  }

  /** Whether {@code value} (null: the field is absent) passes this match. */
  public boolean matches(String value) {
    if (equalTo.isPresent() && !equalTo.get().equals(value)) {
      return false;
    }
    if (like.isPresent() && (value == null || !likeMatches(like.get(), value))) {
      return false;
    }
    if (!in.isEmpty() && (value == null || !in.contains(value))) {
      return false;
    }
    return !(value != null && notIn.contains(value));
  }

  /** Case-insensitive containment with {@code %} and {@code _} wildcards. */
  static boolean likeMatches(String pattern, String value) {
    var regex = new StringBuilder("(?s).*");
    for (char c : pattern.toCharArray()) {
      switch (c) {
        case '%' -> regex.append(".*");
        case '_' -> regex.append('.');
        default -> regex.append(java.util.regex.Pattern.quote(String.valueOf(c)));
      }
    }
    regex.append(".*");
    return java.util.regex.Pattern.compile(
            regex.toString(),
            java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE)
        .matcher(value)
        .matches();
  }
}
