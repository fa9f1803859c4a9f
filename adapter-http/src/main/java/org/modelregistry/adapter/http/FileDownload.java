package org.modelregistry.adapter.http;

import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Optional;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.ports.out.ExternalSourceException;
import org.modelregistry.ports.out.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The download half of every file route ({@code GET}/{@code HEAD} of a registered model's file or
 * of a fileset's file): the file's tag as a strong {@code ETag}, {@code If-None-Match} (304), one
 * byte range per request ({@code Range}, {@code If-Range}; 206 or 416) and the bytes streamed from
 * the store to the client without holding the file.
 */
final class FileDownload {

  private static final Logger LOG = LoggerFactory.getLogger(FileDownload.class);
  private static final int BUFFER_BYTES = 64 * 1024;
  private static final String OCTET_STREAM = "application/octet-stream";

  private FileDownload() {}

  /** Opens {@code length} bytes of the file from {@code offset}; the download closes them. */
  @FunctionalInterface
  interface Opener {
    InputStream open(long offset, long length);
  }

  /**
   * The route's {@code <name>} parameter (the rest of the URL, decoded) as the client sent it:
   * Javalin drops a trailing slash before matching, which is put back here so that the domain's
   * path rule refuses it rather than serving another file.
   */
  static String pathAsSent(Context ctx, String name) {
    return ctx.pathParam(name) + (ctx.path().endsWith("/") ? "/" : "");
  }

  /**
   * Answers a download of a file of {@code size} bytes whose opaque strong validator is {@code tag}
   * (unquoted). {@code open} is called only when bytes are to be sent; until it returns, nothing is
   * written, so a failure to open answers an error without download headers.
   *
   * @param withBody false for {@code HEAD}: the headers of the {@code GET}, no bytes
   * @throws RangeNotSatisfiable when the one range asked for lies outside the file
   */
  static void serve(Context ctx, boolean withBody, long size, String tag, Opener open) {
    String etag = "\"" + tag + "\"";
    if (matchesAny(ctx.header(Header.IF_NONE_MATCH), etag)) {
      ctx.header(Header.ETAG, etag);
      ctx.status(HttpStatus.NOT_MODIFIED);
      return;
    }
    Optional<ByteRange> range =
        rangeApplies(ctx.header(Header.IF_RANGE), etag)
            ? ByteRange.of(ctx.header(Header.RANGE), size)
            : Optional.empty();
    long offset = range.map(ByteRange::first).orElse(0L);
    long length = range.map(ByteRange::length).orElse(size);
    if (!withBody) {
      describe(ctx, etag, size, range, length);
      return;
    }
    try (InputStream bytes = open.open(offset, length)) {
      // Headers only now: a failure to open answers an error without download headers.
      describe(ctx, etag, size, range, length);
      copy(bytes, ctx);
    } catch (IOException e) {
      // closing the stored stream failed after the answer was sent: nothing left to do
      LOG.debug("Closing a stored file failed", e);
    }
  }

  /**
   * {@code bytes} when they were opened from the file that was described ({@code opened} equals
   * {@code described}); otherwise closes them and refuses, since the headers would not match.
   *
   * @throws ConflictException when the file was replaced between describing and opening it
   */
  static InputStream sameFile(String described, String opened, InputStream bytes) {
    if (described.equals(opened)) {
      return bytes;
    }
    try {
      bytes.close();
    } catch (IOException e) {
      LOG.debug("Closing a stored file failed", e);
    }
    throw new ConflictException("the file changed while it was being read; ask again");
  }

  private static void describe(
      Context ctx, String etag, long size, Optional<ByteRange> range, long length) {
    // Compression would change the length and make byte ranges meaningless.
    ctx.disableCompression();
    ctx.contentType(OCTET_STREAM);
    ctx.header(Header.ETAG, etag);
    ctx.header(Header.ACCEPT_RANGES, "bytes");
    ctx.header(Header.CONTENT_LENGTH, Long.toString(length));
    if (range.isPresent()) {
      ctx.header(Header.CONTENT_RANGE, range.get().contentRange(size));
      ctx.status(HttpStatus.PARTIAL_CONTENT);
    } else {
      ctx.status(HttpStatus.OK);
    }
  }

  /**
   * Streams the stored bytes out. A store that fails before anything was sent answers 503 (the
   * download headers are dropped); once bytes went out the connection ends short. A client that
   * went away ends the copy quietly.
   */
  private static void copy(InputStream in, Context ctx) {
    byte[] buffer = new byte[BUFFER_BYTES];
    OutputStream out = ctx.outputStream();
    while (true) {
      int read;
      try {
        read = in.read(buffer);
      } catch (IOException | RuntimeException e) {
        if (!ctx.res().isCommitted()) {
          ctx.res().reset();
        }
        // An external source's failure stays its own (502); anything else is the store's (503).
        throw switch (e) {
          case StorageException s -> s;
          case ExternalSourceException x -> x;
          default -> new StorageException("reading a stored file failed", e);
        };
      }
      if (read < 0) {
        return;
      }
      try {
        out.write(buffer, 0, read);
      } catch (IOException e) {
        LOG.debug("The client stopped reading a download", e);
        return;
      }
    }
  }

  /** {@code If-Range} absent, or naming exactly this version of the file (strong comparison). */
  private static boolean rangeApplies(String ifRange, String etag) {
    return ifRange == null || ifRange.strip().equals(etag);
  }

  /** Whether an {@code If-None-Match} list names this file ({@code *}, or its tag, weak or not). */
  private static boolean matchesAny(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    return Arrays.stream(ifNoneMatch.split(","))
        .map(String::strip)
        .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
        .anyMatch(tag -> tag.equals("*") || tag.equals(etag));
  }
}
