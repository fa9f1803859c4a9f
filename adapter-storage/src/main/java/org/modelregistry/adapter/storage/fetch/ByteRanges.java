package org.modelregistry.adapter.storage.fetch;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Headers;

/**
 * The answers of sources asked for a byte range, which may not honour it: a source that ignores a
 * {@code Range} header answers 200 with the whole body, and a careless one answers 206 with another
 * range or more bytes than asked for. These helpers tell such answers apart and cut exactly the
 * range asked for out of them; {@link HttpSourceFetcher} and the S3 fileset source share them.
 */
public final class ByteRanges {

  private static final Pattern CONTENT_RANGE =
      Pattern.compile("bytes\\s+(\\d{1,18})-\\d{1,18}/(?:\\d{1,18}|\\*)", Pattern.CASE_INSENSITIVE);

  private ByteRanges() {}

  /**
   * The first byte of a {@code Content-Range: bytes first-last/size} header; empty when {@code
   * contentRange} is null or not of that form.
   */
  public static OptionalLong contentRangeStart(String contentRange) {
    Matcher range = CONTENT_RANGE.matcher(contentRange == null ? "" : contentRange.strip());
    if (!range.matches()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(range.group(1)));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /**
   * The length of a body as its {@code Content-Length} announces it; empty without one, for an
   * invalid one, and when a transfer coding (chunked) overrides it, as RFC 9112 says.
   */
  public static OptionalLong announcedLength(Headers headers) {
    String length = headers.get("Content-Length");
    if (headers.get("Transfer-Encoding") != null || length == null) {
      return OptionalLong.empty();
    }
    try {
      long value = Long.parseLong(length.strip());
      return value >= 0 ? OptionalLong.of(value) : OptionalLong.empty();
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /**
   * {@code length} bytes (-1: all) of {@code in} after skipping {@code skip}: the range asked for,
   * cut out of a whole body ({@code skip} the offset) or kept from running past its length (a
   * partial body, {@code skip} 0). Closing it closes {@code in}. When {@code in} ends before {@code
   * skip} bytes, reading throws what {@code beyondEnd} makes, and keeps throwing it.
   */
  public static InputStream slice(
      InputStream in, long skip, long length, Supplier<? extends RuntimeException> beyondEnd) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(beyondEnd, "beyondEnd");
    if (skip < 0) {
      throw new IllegalArgumentException("skip must not be negative: " + skip);
    }
    return new Slice(in, skip, length < 0 ? Long.MAX_VALUE : length, beyondEnd);
  }

  /** {@code length} bytes of {@code in} after skipping {@code toSkip}. */
  private static final class Slice extends FilterInputStream {

    private final Supplier<? extends RuntimeException> beyondEnd;
    private long toSkip;
    private long left;
    private boolean endedEarly;

    Slice(
        InputStream in, long toSkip, long length, Supplier<? extends RuntimeException> beyondEnd) {
      super(in);
      this.toSkip = toSkip;
      this.left = length;
      this.beyondEnd = beyondEnd;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      Objects.checkFromIndexSize(offset, length, buffer.length);
      skipToStart();
      if (left <= 0) {
        return -1;
      }
      if (length == 0) {
        return 0;
      }
      int read = in.read(buffer, offset, (int) Math.min(length, left));
      if (read > 0) {
        left -= read;
      }
      return read;
    }

    @Override
    public long skip(long count) throws IOException {
      byte[] scratch = new byte[8192];
      long skipped = 0;
      while (skipped < count) {
        int read = read(scratch, 0, (int) Math.min(scratch.length, count - skipped));
        if (read < 0) {
          break;
        }
        skipped += read;
      }
      return skipped;
    }

    @Override
    public int available() throws IOException {
      return toSkip > 0 ? 0 : (int) Math.min(in.available(), left);
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    @Override
    public void mark(int limit) {}

    @Override
    public void reset() throws IOException {
      throw new IOException("mark and reset are not supported");
    }

    private void skipToStart() throws IOException {
      if (endedEarly) {
        throw beyondEnd.get();
      }
      while (toSkip > 0) {
        long skipped = in.skip(toSkip);
        if (skipped <= 0) {
          if (in.read() < 0) {
            endedEarly = true;
            throw beyondEnd.get();
          }
          skipped = 1;
        }
        toSkip -= skipped;
      }
    }
  }
}
