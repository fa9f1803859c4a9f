package org.modelregistry.adapter.http;

import io.javalin.http.Context;
import java.util.Optional;
import java.util.Set;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.registration.FileImport;
import org.modelregistry.ports.in.RegistrationUseCases;
import org.modelregistry.ports.in.registration.ModelVersionRef;
import org.modelregistry.ports.in.registration.ReadModelFileUseCase.FileContent;

/**
 * {@code GET} and {@code HEAD /api/v1.0/model/{name}/{version}/files/{path}}: the stored bytes of
 * one file of a READY version, streamed from the store to the client without holding the file. The
 * file's SHA-256 is its strong {@code ETag}; conditional requests ({@code If-None-Match}, {@code
 * If-Range}) and one byte range per request are honoured, as {@link FileDownload} does for every
 * file route.
 */
final class ModelFileHandlers {

  /** The file's path inside the version; the route's only parameter that may contain '/'. */
  static final String PATH = "path";

  private static final Set<String> PARAMS = Set.of(RegistrationHandlers.OWNER);

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
    Optional<String> owner = RegistrationHandlers.ownerParam(query);
    ModelVersionRef ref = RegistrationHandlers.ref(query, owner);
    FilePath file = query.pathParam(PATH, FileDownload.pathAsSent(ctx, PATH), FilePath::new);
    query.throwIfAny();
    Caller viewer = identities.callerOf(ctx);
    FileImport stored = useCases.readFile().describe(viewer, ref, file);
    FileDownload.serve(
        ctx,
        withBody,
        stored.size(),
        stored.sha256(),
        (offset, length) -> {
          FileContent content = useCases.readFile().open(viewer, ref, file, offset, length);
          return FileDownload.sameFile(stored.sha256(), content.file().sha256(), content.bytes());
        });
  }
}
