package org.modelregistry.adapter.storage.s3;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Passes a caller's stream on to the S3 client while counting its bytes and computing their
 * SHA-256. With an expected size it also refuses to pass on more: asked for a byte beyond that
 * size, it fails instead of returning it, so the client aborts the upload before it completes. (The
 * client reads one byte past a known object size to detect a longer stream, and only sends a part
 * after reading it in full.) It remembers the caller's own read failure, so that the store can
 * report it as such, and it never closes the caller's stream.
 */
final class DigestingInputStream extends InputStream {

  /** Thrown, and remembered, when the stream is longer than expected. */
  static final class TooLongException extends IOException {
    TooLongException(long expectedSize) {
      super("the content is longer than the expected " + expectedSize + " bytes");
    }
  }

  private final InputStream in;
  private final long expectedSize;
  private final MessageDigest sha256;
  private long count;
  private boolean reachedEnd;
  private IOException failure;

  DigestingInputStream(InputStream in, long expectedSize) {
    this.in = in;
    this.expectedSize = expectedSize;
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) == 1 ? one[0] & 0xFF : -1;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (failure != null) {
      throw failure;
    }
    if (reachedEnd) {
      return -1;
    }
    int allowed = len;
    if (expectedSize >= 0) {
      if (count == expectedSize) {
        return probeEnd();
      }
      allowed = (int) Math.min(len, expectedSize - count);
    }
    int n = source(b, off, allowed);
    if (n < 0) {
      reachedEnd = true;
      return -1;
    }
    sha256.update(b, off, n);
    count += n;
    return n;
  }

  /** At the expected size: the end of the stream is fine, one more byte is a failure. */
  private int probeEnd() throws IOException {
    int next;
    try {
      next = in.read();
    } catch (IOException e) {
      failure = e;
      throw e;
    }
    if (next < 0) {
      reachedEnd = true;
      return -1;
    }
    failure = new TooLongException(expectedSize);
    throw failure;
  }

  private int source(byte[] b, int off, int len) throws IOException {
    try {
      return in.read(b, off, len);
    } catch (IOException e) {
      failure = e;
      throw e;
    }
  }

  /** Reads on to the end when the client stopped before it, as a known-size upload can. */
  void drainToEnd() throws IOException {
    byte[] buffer = new byte[8192];
    while (read(buffer, 0, buffer.length) >= 0) {
      // counting and hashing happen in read
    }
  }

  long count() {
    return count;
  }

  boolean reachedEnd() {
    return reachedEnd;
  }

  /** What went wrong reading the caller's stream (or its excess length), if anything. */
  IOException failure() {
    return failure;
  }

  String sha256Hex() {
    return HexFormat.of().formatHex(sha256.digest());
  }
}
