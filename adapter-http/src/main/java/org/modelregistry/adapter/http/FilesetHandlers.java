package org.modelregistry.adapter.http;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.workspace.EntityName;
import org.modelregistry.domain.workspace.Fileset;
import org.modelregistry.domain.workspace.FilesetPatch;
import org.modelregistry.domain.workspace.FilesetPurpose;
import org.modelregistry.domain.workspace.FilesetRef;
import org.modelregistry.domain.workspace.WorkspaceName;
import org.modelregistry.ports.in.WorkspaceUseCases;
import org.modelregistry.ports.in.workspace.EntitySort;
import org.modelregistry.ports.in.workspace.FilesetQuery;
import org.modelregistry.ports.in.workspace.NewFileset;
import org.modelregistry.ports.in.workspace.PageSlice;
import org.modelregistry.ports.paging.Page;

/**
 * The fileset routes, {@code /apis/files/v2/workspaces/{workspace}/filesets...}: parse, call a use
 * case, render, as {@link WorkspaceModelHandlers} does for model entities.
 */
final class FilesetHandlers {

  static final String WORKSPACE = WorkspaceModelHandlers.WORKSPACE;
  static final String NAME = WorkspaceModelHandlers.NAME;

  static final String FILESETS = "/apis/files/v2/workspaces/{" + WORKSPACE + "}/filesets";
  static final String FILESET = FILESETS + "/{" + NAME + "}";

  /** The reference's default order: newest first. */
  private static final String DEFAULT_SORT = "-created_at";

  private static final Map<String, EntitySort> SORTS =
      WorkspaceLists.sorts(EntitySort.Field.NAME, EntitySort.Field.CREATED_AT);

  /** The reference's {@code FilesetFilter} keys, in its order. */
  private static final WorkspaceFilters.Spec FILTERS =
      WorkspaceFilters.spec()
          .text("name")
          .text("description")
          .plain("purpose")
          .plain("storage_type")
          .time("created_at")
          .time("updated_at");

  private static final List<String> STORAGE_TYPES = List.of("local", "ngc", "huggingface", "s3");

  private final WorkspaceUseCases useCases;
  private final RequestBodies bodies;
  private final IdentitySource identities;

  FilesetHandlers(WorkspaceUseCases useCases, RequestBodies bodies, IdentitySource identities) {
    this.useCases = useCases;
    this.bodies = bodies;
    this.identities = identities;
  }

  void create(Context ctx) {
    QueryParams params = new QueryParams(ctx);
    WorkspaceName workspace = params.pathParam(WORKSPACE, WorkspaceName::new);
    params.throwIfAny();
    NewFileset fileset =
        bodies.forUpdate(ctx, "CreateFilesetRequest", FilesetDocuments.create(workspace));
    Caller caller = identities.callerOf(ctx);
    Fileset created = RequestBodies.inBody(() -> useCases.createFileset().create(caller, fileset));
    ctx.status(HttpStatus.CREATED).json(FilesetResponse.fileset(created));
  }

  void get(Context ctx) {
    QueryParams params = new QueryParams(ctx);
    FilesetRef ref = ref(params);
    params.throwIfAny();
    ctx.json(FilesetResponse.fileset(useCases.getFileset().get(identities.callerOf(ctx), ref)));
  }

  void list(Context ctx) {
    QueryParams params = new QueryParams(ctx);
    WorkspaceName workspace = params.pathParam(WORKSPACE, WorkspaceName::new);
    int page = params.integerBetween("page", 1, Integer.MAX_VALUE, 1);
    int pageSize =
        params.integerBetween("page_size", 1, PageSlice.MAX_PAGE_SIZE, PageSlice.DEFAULT_PAGE_SIZE);
    String sortWire = ctx.queryParam("sort") == null ? DEFAULT_SORT : ctx.queryParam("sort");
    EntitySort sort = params.choice("sort", SORTS).orElse(SORTS.get(DEFAULT_SORT));
    WorkspaceFilters filter = WorkspaceFilters.read(ctx, params, FILTERS);
    Optional<FilesetPurpose> purpose =
        params.parsed(filter.plain("purpose"), "filter[purpose]", FilesetPurpose::fromWire);
    Optional<String> storageType = filter.plain("storage_type");
    if (storageType.isPresent() && !STORAGE_TYPES.contains(storageType.get())) {
      params.reject(
          "filter[storage_type]",
          "enum",
          "filter[storage_type] must be one of " + String.join(", ", STORAGE_TYPES));
    }
    params.throwIfAny();
    var query =
        new FilesetQuery(
            workspace,
            filter.text("name"),
            filter.text("description"),
            purpose,
            storageType,
            filter.time("created_at"),
            filter.time("updated_at"),
            sort,
            new PageSlice(page, pageSize));
    Page<Fileset> found = useCases.listFilesets().list(identities.callerOf(ctx), query);
    ctx.json(
        WorkspaceLists.envelope(
            found, page, pageSize, FilesetResponse::fileset, sortWire, filter.echo()));
  }

  void patch(Context ctx) {
    QueryParams params = new QueryParams(ctx);
    FilesetRef ref = ref(params);
    params.throwIfAny();
    FilesetPatch patch = bodies.forUpdate(ctx, "UpdateFilesetRequest", FilesetDocuments::patch);
    Caller caller = identities.callerOf(ctx);
    Fileset patched = RequestBodies.inBody(() -> useCases.patchFileset().patch(caller, ref, patch));
    ctx.json(FilesetResponse.fileset(patched));
  }

  void delete(Context ctx) {
    QueryParams params = new QueryParams(ctx);
    FilesetRef ref = ref(params);
    params.throwIfAny();
    // The reference answers 200 with the fileset as it was.
    ctx.json(
        FilesetResponse.fileset(useCases.deleteFileset().delete(identities.callerOf(ctx), ref)));
  }

  /** The fileset the path names; null (with violations recorded) when a segment is malformed. */
  private static FilesetRef ref(QueryParams params) {
    WorkspaceName workspace = params.pathParam(WORKSPACE, WorkspaceName::new);
    EntityName name = params.pathParam(NAME, EntityName::new);
    return workspace == null || name == null ? null : new FilesetRef(workspace, name);
  }
}
