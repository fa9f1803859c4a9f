package org.modelregistry.adapter.http;

import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.identity.Actor;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.registration.FileImport;
import org.modelregistry.ports.in.registration.ModelVersionRef;
import org.modelregistry.ports.in.registration.ReadModelFileUseCase.FileContent;
import org.modelregistry.ports.out.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET} and {@code HEAD /api/v1.0/model/{name}/{version}/files/{path}}: the stored bytes of
 * one file of a READY version, streamed from the store to the client without holding the file. The
 * file's SHA-256 is its strong {@code ETag}; conditional requests ({@code If-None-Match}, {@code
 * If-Range}) and one byte range per request are honoured.
 */
final class ModelFileHandlers {

  /** The file's path inside the version; the route's only parameter that may contain '/'. */
  static final String PATH = "path";

  private static final Logger LOG = LoggerFactory.getLogger(ModelFileHandlers.class);
  private static final Set<String> PARAMS = Set.of(RegistrationHandlers.OWNER);
  private static final int BUFFER_BYTES = 64 * 1024;
  private static final String OCTET_STREAM = "application/octet-stream";

  private final RegistrationUseCases useCases;
  private final IdentitySource identities;

  ModelFileHandlers(RegistrationUseCases useCases, IdentitySource identities) {
    this.useCases = useCases;
    this.identities = identities;
  }

  void get(Context ctx) {
    serve(ctx, true);
  }

  void head(Context ctx) {
    serve(ctx, false);
  }

  private void serve(Context ctx, boolean withBody) {
    QueryParams query = new QueryParams(ctx);
    query.allowOnly(PARAMS);
    Optional<String> owner = query.nonEmpty(RegistrationHandlers.OWNER, Actor.MAX_USER_ID_LENGTH);
    ModelVersionRef ref = RegistrationHandlers.ref(query, owner);
    // Javalin drops a trailing slash before matching; put it back for the domain's path rule.
    String sent = ctx.pathParam(PATH) + (ctx.path().endsWith("/") ? "/" : "");
    FilePath file = query.pathParam(PATH, sent, FilePath::new);
    query.throwIfAny();
    Actor viewer = identities.actorOf(ctx);
    FileImport stored = useCases.readFile().describe(viewer, ref, file);
    long size = stored.size();
    String etag = "\"" + stored.sha256() + "\"";
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
    try (FileContent content = useCases.readFile().open(viewer, ref, file, offset, length)) {
      if (!content.file().sha256().equals(stored.sha256())) {
        throw new ConflictException("the file changed while it was being read; ask again");
      }
      // Headers only now: a failure to open answers an error without download headers.
      describe(ctx, etag, size, range, length);
      copy(content.bytes(), ctx);
    } catch (IOException e) {
      // closing the stored stream failed after the answer was sent: nothing left to do
      LOG.debug("Closing a stored file failed", e);
    }
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
        throw e instanceof StorageException s
            ? s
            : new StorageException("reading a stored file failed", e);
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
