package org.modelregistry.adapter.http;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.modelregistry.domain.error.Violation;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.workspace.EntityName;
import org.modelregistry.domain.workspace.FilesetRef;
import org.modelregistry.domain.workspace.WorkspaceName;
import org.modelregistry.ports.in.WorkspaceUseCases;
import org.modelregistry.ports.in.workspace.FilesetFile;
import org.modelregistry.ports.in.workspace.ReadFilesetFileUseCase.FileContent;
import org.modelregistry.ports.out.StorageException;

/**
 * The files of a fileset: {@code PUT}, {@code GET}, {@code HEAD} and {@code DELETE} of {@code
 * /apis/files/v2/workspaces/{workspace}/filesets/{name}/-/{path}}, and the list {@code .../files}.
 * Uploads stream the request body into the store and downloads stream the stored bytes out ({@link
 * FileDownload}); neither holds a file in memory, and neither is bounded by the JSON body limit.
 */
final class FilesetFileHandlers {

  static final String PATH = "path";

  /** One file; {@code <path>} takes the rest of the URL, slashes included. */
  static final String FILE = FilesetHandlers.FILESET + "/-/<" + PATH + ">";

  static final String FILES = FilesetHandlers.FILESET + "/files";

  private static final String PREFIX = "path";
  private static final String INCLUDE_CACHE_STATUS = "include_cache_status";

  private final WorkspaceUseCases useCases;
  private final IdentitySource identities;
  private final long maxUploadBytes;

  FilesetFileHandlers(WorkspaceUseCases useCases, IdentitySource identities, long maxUploadBytes) {
    this.useCases = useCases;
    this.identities = identities;
    this.maxUploadBytes = maxUploadBytes;
  }

  /**
   * Streams the body into the store: read from the request's own stream, never through Javalin's
   * {@code ctx.body...()}, which is what the JSON body limit bounds. A declared Content-Length is
   * passed on so that a body ending short of it stores nothing.
   */
  void put(Context ctx) {
    QueryParams params = new QueryParams(ctx);
    FilesetRef ref = ref(params);
    FilePath path = path(ctx, params);
    params.throwIfAny();
    long declared = ctx.req().getContentLengthLong();
    if (declared > maxUploadBytes) {
      throw tooLarge();
    }
    // The container owns the request stream: it is read to its end, not closed.
    UploadBody body;
    try {
      body = new UploadBody(ctx.req().getInputStream(), declared, maxUploadBytes);
    } catch (IOException e) {
      throw incompleteBody(e);
    }
    FilesetFile stored;
    try {
      stored = useCases.putFilesetFile().put(identities.callerOf(ctx), ref, path, body, declared);
    } catch (StorageException e) {
      if (body.tooLarge()) {
        throw tooLarge();
      }
      if (body.brokenOff()) {
        throw incompleteBody(e);
      }
      throw e;
    }
    ctx.json(FilesetResponse.file(ref, stored));
  }

  void get(Context ctx) {
    download(ctx, true);
  }

  void head(Context ctx) {
    download(ctx, false);
  }

  /** Deletes the file and answers what it was. */
  void delete(Context ctx) {
    QueryParams params = new QueryParams(ctx);
    FilesetRef ref = ref(params);
    FilePath path = path(ctx, params);
    params.throwIfAny();
    Caller caller = identities.callerOf(ctx);
    FilesetFile deleted = useCases.deleteFilesetFile().delete(caller, ref, path);
    ctx.json(FilesetResponse.file(ref, deleted));
  }

  /**
   * Every file of the fileset, in path order; {@code path} keeps those whose path starts with it (a
   * plain prefix, as object stores list: {@code data/} lists a folder, {@code data} also {@code
   * data.csv}). Every file's {@code cache_status} is known without asking a source, so {@code
   * include_cache_status} is only checked to be a boolean.
   */
  void list(Context ctx) {
    QueryParams params = new QueryParams(ctx);
    FilesetRef ref = ref(params);
    params.flag(INCLUDE_CACHE_STATUS);
    String prefix = Optional.ofNullable(ctx.queryParam(PREFIX)).orElse("");
    params.throwIfAny();
    List<Map<String, Object>> files =
        useCases.listFilesetFiles().list(identities.callerOf(ctx), ref).stream()
            .filter(file -> file.path().value().startsWith(prefix))
            .map(file -> FilesetResponse.file(ref, file))
            .toList();
    ctx.json(Map.of("data", files));
  }

  private void download(Context ctx, boolean withBody) {
    QueryParams params = new QueryParams(ctx);
    FilesetRef ref = ref(params);
    FilePath path = path(ctx, params);
    params.throwIfAny();
    Caller caller = identities.callerOf(ctx);
    FilesetFile file = useCases.readFilesetFile().describe(caller, ref, path);
    FileDownload.serve(
        ctx,
        withBody,
        file.size(),
        file.etag(),
        (offset, length) -> {
          FileContent content = useCases.readFilesetFile().open(caller, ref, path, offset, length);
          return FileDownload.sameFile(file.etag(), content.file().etag(), content.bytes());
        });
  }

  /** The fileset the URL names; null (with violations recorded) when a segment is malformed. */
  private static FilesetRef ref(QueryParams params) {
    WorkspaceName workspace = params.pathParam(FilesetHandlers.WORKSPACE, WorkspaceName::new);
    EntityName name = params.pathParam(FilesetHandlers.NAME, EntityName::new);
    return workspace == null || name == null ? null : new FilesetRef(workspace, name);
  }

  /** The file's path within the fileset, by the domain's rules; violations at {@code path}. */
  private static FilePath path(Context ctx, QueryParams params) {
    return params.pathParam(PATH, FileDownload.pathAsSent(ctx, PATH), FilePath::new);
  }

  /** 400: the client's body broke off (shorter than its Content-Length, or the connection went). */
  private RequestRejected tooLarge() {
    return new RequestRejected(
        HttpStatus.CONTENT_TOO_LARGE.getCode(),
        new Violation(
            List.of("body"),
            "an uploaded file must be at most " + maxUploadBytes + " bytes",
            "content_too_large"));
  }

  private static RequestRejected incompleteBody(Exception cause) {
    RequestRejected rejected =
        new RequestRejected(
            HttpStatus.BAD_REQUEST.getCode(),
            new Violation(
                List.of("body"),
                "the request body ended early (short of its Content-Length, or cut off)",
                "body_incomplete"));
    rejected.initCause(cause);
    return rejected;
  }

  /**
   * The request body as the use case reads it, noting whether the body itself broke off: a read
   * that failed, or an end before the declared length. The store then refuses the write, and the
   * answer blames the request rather than the store.
   */
  private static final class UploadBody extends FilterInputStream {

    private final long declared;
    private final long max;
    private long read;
    private boolean brokenOff;
    private boolean tooLarge;

    UploadBody(InputStream in, long declared, long max) {
      super(in);
      this.declared = declared;
      this.max = max;
    }

    boolean brokenOff() {
      return brokenOff;
    }

    /** Whether more bytes came than an upload may hold (a chunked body declares no length). */
    boolean tooLarge() {
      return tooLarge;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n;
      try {
        n = super.read(buffer, offset, length);
      } catch (IOException e) {
        brokenOff = true;
        throw e;
      }
      if (n < 0) {
        brokenOff |= declared >= 0 && read < declared;
      } else {
        read += n;
        if (read > max) {
          tooLarge = true;
          throw new IOException("the upload is larger than " + max + " bytes");
        }
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped;
      try {
        skipped = super.skip(n);
      } catch (IOException e) {
        brokenOff = true;
        throw e;
      }
      read += skipped;
      return skipped;
    }
  }
}
