package org.modelregistry.adapter.http;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One satisfiable byte range of a file, {@code first} to {@code last} inclusive, as a {@code Range}
 * header asks for it (RFC 9110, section 14.1.2).
 */
record ByteRange(long first, long last) {

  private static final Pattern SPEC = Pattern.compile("(\\d*)-(\\d*)");
  private static final String UNIT = "bytes=";

  /** How many bytes the range holds. */
  long length() {
    return last - first + 1;
  }

  /** The {@code Content-Range} of this range in a file of {@code size} bytes. */
  String contentRange(long size) {
    return "bytes " + first + "-" + last + "/" + size;
  }

  /**
   * The range {@code header} asks for in a file of {@code size} bytes: {@code a-b}, {@code a-} or
   * the last {@code n} bytes ({@code -n}); an end beyond the file is cut to it. Empty when the
   * whole file is to be served: no header, another unit, a malformed range, or several ranges (RFC
   * 9110 lets a server answer those with the whole file).
   *
   * @throws RangeNotSatisfiable when the one range lies wholly outside the file
   */
  static Optional<ByteRange> of(String header, long size) {
    if (header == null) {
      return Optional.empty();
    }
    String value = header.strip();
    if (!value.toLowerCase(Locale.ROOT).startsWith(UNIT)) {
      return Optional.empty();
    }
    String spec = value.substring(UNIT.length()).strip();
    Matcher m = SPEC.matcher(spec);
    if (spec.contains(",") || !m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
      return Optional.empty();
    }
    if (m.group(1).isEmpty()) {
      long suffix = number(m.group(2));
      if (suffix == 0 || size == 0) {
        throw new RangeNotSatisfiable(size);
      }
      return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
    }
    long first = number(m.group(1));
    long last = m.group(2).isEmpty() ? Long.MAX_VALUE : number(m.group(2));
    if (last < first) {
      return Optional.empty();
    }
    if (first >= size) {
      throw new RangeNotSatisfiable(size);
    }
    return Optional.of(new ByteRange(first, Math.min(last, size - 1)));
  }

  /** Digits as a number; more than any file holds reads as the largest long. */
  private static long number(String digits) {
    String significant = digits.replaceFirst("^0+(?=.)", "");
    return significant.length() > 18 ? Long.MAX_VALUE : Long.parseLong(significant);
  }
}
