package org.modelregistry.application.workspace;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.modelregistry.ports.out.ExternalFile;
import org.modelregistry.ports.out.ExternalSourceException;

/**
 * The bytes of an external file on their way into the store, checked as they pass: more bytes than
 * the source announced, fewer at the end, or another SHA-256 than it publishes fail the read before
 * its end is reported, so the store's write fails and keeps nothing. A source that fails while
 * sending fails the read too. {@link #failure()} then tells the source's fault from the store's.
 */
final class CheckedCopy extends FilterInputStream {

  private final ExternalFile expected;
  private final String source;
  private final MessageDigest digest;
  private long count;
  private ExternalSourceException failure;

  CheckedCopy(InputStream in, ExternalFile expected, String source) {
    super(Objects.requireNonNull(in));
    this.expected = Objects.requireNonNull(expected);
    this.source = Objects.requireNonNull(source);
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Why the copy failed because of its source, if it did. */
  Optional<ExternalSourceException> failure() {
    return Optional.ofNullable(failure);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int read = read(one, 0, 1);
    return read < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (failure != null) {
      throw new IOException(failure.getMessage(), failure);
    }
    int read;
    try {
      read = in.read(buffer, offset, length);
    } catch (IOException | RuntimeException e) {
      throw fail(
          new ExternalSourceException("copying '" + name() + "' from " + source + " failed", e));
    }
    if (read > 0) {
      digest.update(buffer, offset, read);
      count += read;
      if (count > expected.size()) {
        throw fail(mismatch("more than the " + expected.size() + " bytes it announced"));
      }
      return read;
    }
    if (read < 0) {
      if (count != expected.size()) {
        throw fail(mismatch(count + " of the " + expected.size() + " bytes it announced"));
      }
      String actual = HexFormat.of().formatHex(digest.digest());
      if (expected.sha256().isPresent() && !expected.sha256().get().equalsIgnoreCase(actual)) {
        throw fail(mismatch("bytes that do not match the SHA-256 the source publishes"));
      }
    }
    return read;
  }

  @Override
  public long skip(long n) throws IOException {
    // Skipped bytes would escape the digest.
    byte[] scratch = new byte[8192];
    long skipped = 0;
    while (skipped < n) {
      int read = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
      if (read < 0) {
        break;
      }
      skipped += read;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private ExternalSourceException mismatch(String what) {
    return new ExternalSourceException(
        source + " sent " + what + " for '" + name() + "'; nothing was kept");
  }

  private IOException fail(ExternalSourceException cause) {
    failure = cause;
    return new IOException(cause.getMessage(), cause);
  }

  private String name() {
    return expected.path().value();
  }
}
