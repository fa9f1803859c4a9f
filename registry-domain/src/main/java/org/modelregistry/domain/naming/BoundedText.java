package org.modelregistry.domain.naming;

import org.modelregistry.domain.error.ValidationException;

/** Length limits of free text fields, checked in one place. */
public final class BoundedText {

  public static final int DISPLAY_NAME_MAX = 255;
  public static final int DESCRIPTION_MAX = 1000;
  public static final int IDENTIFIER_MAX = 255;

  /** Model and training-data cards are markdown documents; this bound keeps rows sane. */
  public static final int CARD_MAX = 100_000;

  private BoundedText() {}

  /**
   * Returns {@code text} when it is null or within {@code max} characters and free of NUL
   * characters, otherwise throws a violation at the value itself (callers place it with {@code
   * Violations.at}).
   */
  public static String requireAtMost(String text, int max, String what) {
    // Limits count characters as people see them (code points), not UTF-16 units.
    if (text != null && text.codePointCount(0, text.length()) > max) {
      throw ValidationException.of(
          what + " must be at most " + max + " characters", "string_too_long");
    }
    // PostgreSQL cannot store NUL in text (SQLite can): refused here, for every database alike.
    if (text != null && text.indexOf('\u0000') >= 0) {
      throw ValidationException.of(
          what + " must not contain NUL characters", "string_pattern_mismatch");
    }
    return text;
  }

  /** Like {@link #requireAtMost} but also rejects an empty or blank value. */
  public static String requireNonBlank(String text, int max, String what) {
    if (text == null || text.isBlank()) {
      throw ValidationException.of(what + " must not be empty", "string_too_short");
    }
    return requireAtMost(text, max, what);
  }
}
