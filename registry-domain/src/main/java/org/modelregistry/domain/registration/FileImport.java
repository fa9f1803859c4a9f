package org.modelregistry.domain.registration;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.naming.FilePath;

/**
 * The copy of one model file into the registry's storage and how far it got: PENDING, then COPYING
 * (with the expected size when the source announced one, and the bytes copied so far), then STORED
 * (with the size and SHA-256 of what was stored) or FAILED (with a reason). Each step returns a new
 * value and refuses moves that make no sense from the current state.
 *
 * @param expectedBytes the size the source announced, or null when it did not
 * @param size the stored size, set exactly when STORED
 * @param sha256 lower-case hex SHA-256 of the stored bytes, set exactly when STORED
 * @param failureReason why the copy failed, set exactly when FAILED; never contains the source URL
 */
public record FileImport(
    FilePath target,
    SourceUrl source,
    FileImportState state,
    Long expectedBytes,
    long bytesCopied,
    Long size,
    String sha256,
    String failureReason) {

  /** Reasons are shown to callers; longer ones (stack-trace-like messages) are cut. */
  public static final int MAX_REASON_LENGTH = 1000;

  private static final int MIN_SCRUBBED_QUERY_LENGTH = 8;

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  public FileImport {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(state, "state");
    require(expectedBytes == null || expectedBytes >= 0, "expected bytes cannot be negative");
    require(bytesCopied >= 0, "bytes copied cannot be negative");
    sha256 = sha256 == null ? null : sha256.toLowerCase(Locale.ROOT);
    boolean stored = state == FileImportState.STORED;
    boolean failed = state == FileImportState.FAILED;
    require(stored == (size != null), "a size is recorded exactly when the file is STORED");
    require(stored == (sha256 != null), "a SHA-256 is recorded exactly when the file is STORED");
    require(failed == (failureReason != null), "a reason is recorded exactly when FAILED");
    require(
        state != FileImportState.PENDING || bytesCopied == 0, "a PENDING file has no bytes yet");
    if (stored) {
      require(size >= 0, "a stored size cannot be negative");
      require(bytesCopied == size, "a STORED file has copied exactly its size");
      require(SHA256.matcher(sha256).matches(), "a SHA-256 is 64 hex digits");
    }
    if (failed) {
      require(!failureReason.isBlank(), "a FAILED file needs a reason");
      failureReason = scrub(failureReason, source);
    }
  }

  /** A file not yet copied. */
  public static FileImport pending(ModelFileSpec spec) {
    return new FileImport(
        spec.target(), spec.source(), FileImportState.PENDING, null, 0, null, null, null);
  }

  /** The copy begins; {@code expectedBytes} is the size the source announced, or null. */
  public FileImport start(Long expectedBytes) {
    requireState(FileImportState.PENDING, "start copying");
    return new FileImport(
        target, source, FileImportState.COPYING, expectedBytes, 0, null, null, null);
  }

  /** {@code bytesCopied} bytes have been copied so far; progress never goes back. */
  public FileImport progress(long bytesCopied) {
    requireState(FileImportState.COPYING, "record progress");
    if (bytesCopied < this.bytesCopied) {
      throw new IllegalArgumentException("progress cannot go back");
    }
    return new FileImport(target, source, state, expectedBytes, bytesCopied, null, null, null);
  }

  /**
   * The copy finished with {@code size} bytes whose SHA-256 is {@code sha256}. The file is STORED
   * when the size is the announced one (or none was announced), and FAILED otherwise: a truncated
   * or padded file is not the file that was registered.
   */
  public FileImport complete(long size, String sha256) {
    requireState(FileImportState.COPYING, "complete");
    if (expectedBytes != null && size != expectedBytes) {
      return fail(
          "size mismatch: the source announced " + expectedBytes + " bytes, received " + size);
    }
    return new FileImport(
        target, source, FileImportState.STORED, expectedBytes, size, size, sha256, null);
  }

  /**
   * The copy failed (or will not be tried) for {@code reason}. Occurrences of the source URL or its
   * query in the reason are replaced by the redacted URL, since fetch errors tend to quote it.
   */
  public FileImport fail(String reason) {
    if (state == FileImportState.STORED || state == FileImportState.FAILED) {
      throw refused("fail");
    }
    Objects.requireNonNull(reason, "reason");
    return new FileImport(
        target,
        source,
        FileImportState.FAILED,
        expectedBytes,
        bytesCopied,
        null,
        null,
        reason.isBlank() ? "unknown error" : reason);
  }

  /** Back to PENDING, for a copy interrupted by a restart; a STORED or FAILED file stays as is. */
  public FileImport reset() {
    if (state == FileImportState.STORED || state == FileImportState.FAILED) {
      throw refused("go back to PENDING");
    }
    return pending(spec());
  }

  public ModelFileSpec spec() {
    return new ModelFileSpec(target, source);
  }

  public boolean isStored() {
    return state == FileImportState.STORED;
  }

  public boolean isFailed() {
    return state == FileImportState.FAILED;
  }

  /** Neither STORED nor FAILED: the copy has not started or has not finished. */
  public boolean isUnfinished() {
    return !isStored() && !isFailed();
  }

  private void requireState(FileImportState expected, String action) {
    if (state != expected) {
      throw refused(action);
    }
  }

  private ConflictException refused(String action) {
    return new ConflictException("file '" + target + "' is " + state + " and cannot " + action);
  }

  private static String scrub(String reason, SourceUrl source) {
    String scrubbed = reason.replace(source.value(), source.redacted());
    URI uri = source.toUri();
    // The query carries the signature, raw or decoded; very short queries are left alone because
    // replacing them would mangle unrelated words of the reason.
    for (String query : new String[] {uri.getRawQuery(), uri.getQuery()}) {
      if (query != null && query.length() >= MIN_SCRUBBED_QUERY_LENGTH) {
        scrubbed = scrubbed.replace(query, "[redacted]");
      }
    }
    return scrubbed.length() <= MAX_REASON_LENGTH
        ? scrubbed
        : scrubbed.substring(0, MAX_REASON_LENGTH - 1) + "…";
  }

  private static void require(boolean holds, String message) {
    if (!holds) {
      throw new IllegalArgumentException(message);
    }
  }
}
