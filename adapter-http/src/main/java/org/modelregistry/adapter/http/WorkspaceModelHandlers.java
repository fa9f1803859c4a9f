package org.modelregistry.adapter.http;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.modelregistry.domain.workspace.AdapterPatch;
import org.modelregistry.domain.workspace.EntityName;
import org.modelregistry.domain.workspace.FilesetRef;
import org.modelregistry.domain.workspace.FinetuningType;
import org.modelregistry.domain.workspace.ModelEntity;
import org.modelregistry.domain.workspace.ModelEntityDefinition;
import org.modelregistry.domain.workspace.ModelEntityPatch;
import org.modelregistry.domain.workspace.ModelRef;
import org.modelregistry.domain.workspace.ProjectName;
import org.modelregistry.domain.workspace.WorkspaceName;
import org.modelregistry.ports.in.workspace.EntitySort;
import org.modelregistry.ports.in.workspace.ModelEntityQuery;
import org.modelregistry.ports.in.workspace.NewModelAdapter;
import org.modelregistry.ports.in.workspace.PageSlice;
import org.modelregistry.ports.in.workspace.TextMatch;
import org.modelregistry.ports.in.workspace.TimeRange;
import org.modelregistry.ports.in.workspace.WorkspaceCaller;
import org.modelregistry.ports.paging.Page;

/**
 * The workspace model entity routes, {@code /apis/models/v2/workspaces/{workspace}/models...}:
 * parse, call a use case, render. Every caller is a non-administrator until authentication lands.
 */
final class WorkspaceModelHandlers {

  static final String WORKSPACE = "workspace";
  static final String NAME = "name";
  static final String MODEL_NAME = "model_name";
  static final String ADAPTER = "adapter";

  static final String MODELS = "/apis/models/v2/workspaces/{" + WORKSPACE + "}/models";
  static final String MODEL = MODELS + "/{" + NAME + "}";
  static final String ADAPTERS = MODELS + "/{" + MODEL_NAME + "}/adapters";
  static final String ADAPTER_ROUTE = ADAPTERS + "/{" + ADAPTER + "}";

  private static final Map<String, EntitySort> SORTS = new LinkedHashMap<>();

  static {
    SORTS.put("name", new EntitySort(EntitySort.Field.NAME, false));
    SORTS.put("-name", new EntitySort(EntitySort.Field.NAME, true));
    SORTS.put("created_at", new EntitySort(EntitySort.Field.CREATED_AT, false));
    SORTS.put("-created_at", new EntitySort(EntitySort.Field.CREATED_AT, true));
    SORTS.put("updated_at", new EntitySort(EntitySort.Field.UPDATED_AT, false));
    SORTS.put("-updated_at", new EntitySort(EntitySort.Field.UPDATED_AT, true));
  }

  /** The {@code filter[...]} keys this API reads, each as an exact match ({@code $eq}). */
  private static final List<String> FILTERS =
      List.of("name", "project", "base_model", "finetuning_type", "fileset", "description");

  private final WorkspaceUseCases useCases;
  private final RequestBodies bodies;
  private final IdentitySource identities;

  private final boolean callersAreAdmins;

  WorkspaceModelHandlers(
      WorkspaceUseCases useCases,
      RequestBodies bodies,
      IdentitySource identities,
      boolean callersAreAdmins) {
    this.useCases = useCases;
    this.bodies = bodies;
    this.identities = identities;
    this.callersAreAdmins = callersAreAdmins;
  }

  void create(Context ctx) {
    QueryParams params = new QueryParams(ctx);
    WorkspaceName workspace = params.pathParam(WORKSPACE, WorkspaceName::new);
    params.throwIfAny();
    ModelEntityDefinition definition =
        bodies.forUpdate(ctx, "CreateModelEntityRequest", WorkspaceDocuments::readCreate);
    WorkspaceCaller caller = caller(ctx);
    ModelEntity created =
        RequestBodies.inBody(() -> useCases.createModel().create(caller, workspace, definition));
    ctx.status(HttpStatus.CREATED).json(WorkspaceModelResponse.model(created, true));
  }

  void get(Context ctx) {
    QueryParams params = new QueryParams(ctx);
    ModelRef ref = ref(params, NAME);
    boolean verbose = params.flag("verbose");
    params.throwIfAny();
    ctx.json(WorkspaceModelResponse.model(useCases.getModel().get(ref), verbose));
  }

  void list(Context ctx) {
    QueryParams params = new QueryParams(ctx);
    WorkspaceName workspace = params.pathParam(WORKSPACE, WorkspaceName::new);
    int page = params.integerBetween("page", 1, Integer.MAX_VALUE, 1);
    int pageSize =
        params.integerBetween("page_size", 1, PageSlice.MAX_PAGE_SIZE, PageSlice.DEFAULT_PAGE_SIZE);
    String sortWire = ctx.queryParam("sort") == null ? "created_at" : ctx.queryParam("sort");
    EntitySort sort = params.choice("sort", SORTS).orElse(EntitySort.DEFAULT);
    boolean verbose = params.flag("verbose");
    Map<String, String> filter = filters(ctx, params, FILTERS);
    Optional<ProjectName> project =
        params.parsed(
            Optional.ofNullable(filter.get("project")), "filter[project]", ProjectName::new);
    Optional<FinetuningType> type =
        params.parsed(
            Optional.ofNullable(filter.get("finetuning_type")),
            "filter[finetuning_type]",
            FinetuningType::fromWire);
    Optional<FilesetRef> fileset =
        params.parsed(
            Optional.ofNullable(filter.get("fileset")), "filter[fileset]", FilesetRef::parse);
    params.throwIfAny();
    var query =
        new ModelEntityQuery(
            workspace,
            text(filter, "name"),
            project,
            Optional.empty(),
            text(filter, "base_model"),
            type,
            fileset,
            text(filter, "description"),
            TimeRange.ANY,
            TimeRange.ANY,
            sort,
            new PageSlice(page, pageSize));
    Page<ModelEntity> found = useCases.listModels().list(query);
    Map<String, Object> pagination = new LinkedHashMap<>();
    pagination.put("page", page);
    pagination.put("page_size", pageSize);
    pagination.put("current_page_size", found.items().size());
    pagination.put("total_pages", (found.totalItemCount() + pageSize - 1) / pageSize);
    pagination.put("total_results", found.totalItemCount());
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put(
        "data", found.items().stream().map(m -> WorkspaceModelResponse.model(m, verbose)).toList());
    envelope.put("pagination", pagination);
    envelope.put("sort", sortWire);
    envelope.put("filter", filter);
    ctx.json(envelope);
  }

  void patch(Context ctx) {
    QueryParams params = new QueryParams(ctx);
    ModelRef ref = ref(params, NAME);
    boolean verbose = params.flag("verbose");
    params.throwIfAny();
    ModelEntityPatch patch =
        bodies.forUpdate(ctx, "UpdateModelEntityRequest", WorkspaceDocuments::readPatch);
    WorkspaceCaller caller = caller(ctx);
    ModelEntity patched =
        RequestBodies.inBody(() -> useCases.patchModel().patch(caller, ref, patch));
    ctx.json(WorkspaceModelResponse.model(patched, verbose));
  }

  void delete(Context ctx) {
    QueryParams params = new QueryParams(ctx);
    ModelRef ref = ref(params, NAME);
    params.throwIfAny();
    useCases.deleteModel().delete(caller(ctx), ref);
    ctx.status(HttpStatus.NO_CONTENT);
  }

  void addAdapter(Context ctx) {
    QueryParams params = new QueryParams(ctx);
    ModelRef ref = ref(params, MODEL_NAME);
    params.throwIfAny();
    NewModelAdapter adapter =
        bodies.forUpdate(ctx, "CreateModelAdapterRequest", WorkspaceDocuments::readAdapter);
    WorkspaceCaller caller = caller(ctx);
    ModelEntity model = RequestBodies.inBody(() -> useCases.addAdapter().add(caller, ref, adapter));
    ctx.status(HttpStatus.CREATED)
        .json(WorkspaceModelResponse.adapter(model, model.adapter(adapter.name())));
  }

  void updateAdapter(Context ctx) {
    QueryParams params = new QueryParams(ctx);
    ModelRef ref = ref(params, MODEL_NAME);
    EntityName name = params.pathParam(ADAPTER, EntityName::new);
    params.throwIfAny();
    AdapterPatch patch =
        bodies.forUpdate(ctx, "UpdateAdapterRequest", WorkspaceDocuments::readAdapterPatch);
    WorkspaceCaller caller = caller(ctx);
    ModelEntity model =
        RequestBodies.inBody(() -> useCases.updateAdapter().update(caller, ref, name, patch));
    ctx.json(WorkspaceModelResponse.adapter(model, model.adapter(name)));
  }

  void deleteAdapter(Context ctx) {
    QueryParams params = new QueryParams(ctx);
    ModelRef ref = ref(params, MODEL_NAME);
    EntityName name = params.pathParam(ADAPTER, EntityName::new);
    params.throwIfAny();
    useCases.deleteAdapter().delete(caller(ctx), ref, name);
    ctx.status(HttpStatus.NO_CONTENT);
  }

  private WorkspaceCaller caller(Context ctx) {
    // Until authentication exists every request acts as the local identity, admin or not.
    return new WorkspaceCaller(identities.actorOf(ctx), callersAreAdmins);
  }

  /** The model the path names; null (with violations recorded) when a segment is malformed. */
  private static ModelRef ref(QueryParams params, String nameParam) {
    WorkspaceName workspace = params.pathParam(WORKSPACE, WorkspaceName::new);
    EntityName name = params.pathParam(nameParam, EntityName::new);
    return workspace == null || name == null ? null : new ModelRef(workspace, name);
  }

  /**
   * The {@code filter[key]=value} parameters (deepObject style), each an exact match; any other
   * {@code filter[...]} key, or one given twice, is a violation.
   */
  static Map<String, String> filters(Context ctx, QueryParams params, List<String> allowed) {
    Map<String, String> filter = new LinkedHashMap<>();
    ctx.queryParamMap()
        .forEach(
            (param, values) -> {
              if (!param.startsWith("filter[") || !param.endsWith("]")) {
                return;
              }
              String key = param.substring("filter[".length(), param.length() - 1);
              String shown = param.length() > 64 ? param.substring(0, 64) : param;
              if (!allowed.contains(key)) {
                params.reject(
                    shown, "value_error", "filter must name one of " + String.join(", ", allowed));
              } else if (values.size() != 1) {
                params.reject(shown, "value_error", shown + " may be given only once");
              } else {
                filter.put(key, values.getFirst());
              }
            });
    return filter;
  }

  static Optional<TextMatch> text(Map<String, String> filter, String key) {
    return Optional.ofNullable(filter.get(key)).map(TextMatch::equalTo);
  }
}
