package org.modelregistry.adapter.http;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.Optional;
import org.modelregistry.domain.identity.Caller;
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
import org.modelregistry.ports.in.WorkspaceUseCases;
import org.modelregistry.ports.in.workspace.EntitySort;
import org.modelregistry.ports.in.workspace.ModelEntityQuery;
import org.modelregistry.ports.in.workspace.NewModelAdapter;
import org.modelregistry.ports.in.workspace.PageSlice;
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

  private static final Map<String, EntitySort> SORTS =
      WorkspaceLists.sorts(
          EntitySort.Field.NAME, EntitySort.Field.CREATED_AT, EntitySort.Field.UPDATED_AT);

  /**
   * The reference's {@code ModelEntityFilter} keys, in its order. {@code workspace} can only repeat
   * the path's (any other lists nothing); {@code finetuning_type} is the entity's own type or one
   * of its adapters'.
   */
  private static final WorkspaceFilters.Spec FILTERS =
      WorkspaceFilters.spec()
          .text("name")
          .plain("project")
          .plain("workspace")
          .baseModel()
          .unsupported(
              "adapters",
              "filter[finetuning_type] matches an entity's own type or one of its adapters'")
          .plain("finetuning_type")
          .unsupported("prompt", "prompt data is stored, but lists cannot select by it")
          .unsupported("lora_enabled", "this registry stores no deployment configuration")
          .text("description")
          .plain("fileset")
          .time("created_at")
          .time("updated_at");

  private final WorkspaceUseCases useCases;
  private final RequestBodies bodies;
  private final IdentitySource identities;

  WorkspaceModelHandlers(
      WorkspaceUseCases useCases, RequestBodies bodies, IdentitySource identities) {
    this.useCases = useCases;
    this.bodies = bodies;
    this.identities = identities;
  }

  void create(Context ctx) {
    QueryParams params = new QueryParams(ctx);
    WorkspaceName workspace = params.pathParam(WORKSPACE, WorkspaceName::new);
    params.throwIfAny();
    ModelEntityDefinition definition =
        bodies.forUpdate(ctx, "CreateModelEntityRequest", WorkspaceDocuments::readCreate);
    Caller caller = identities.callerOf(ctx);
    ModelEntity created =
        RequestBodies.inBody(() -> useCases.createModel().create(caller, workspace, definition));
    ctx.status(HttpStatus.CREATED).json(WorkspaceModelResponse.model(created, true));
  }

  void get(Context ctx) {
    QueryParams params = new QueryParams(ctx);
    ModelRef ref = ref(params, NAME);
    boolean verbose = params.flag("verbose");
    params.throwIfAny();
    ctx.json(
        WorkspaceModelResponse.model(
            useCases.getModel().get(identities.callerOf(ctx), ref), verbose));
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
    WorkspaceFilters filter = WorkspaceFilters.read(ctx, params, FILTERS);
    Optional<ProjectName> project =
        params.parsed(filter.plain("project"), "filter[project]", ProjectName::new);
    Optional<String> typeWire = filter.plain("finetuning_type");
    if (typeWire.isPresent()
        && (typeWire.get().equalsIgnoreCase("true") || typeWire.get().equalsIgnoreCase("false"))) {
      params.reject(
          "filter[finetuning_type]",
          "value_error",
          "filter[finetuning_type] as true or false is not supported yet: give a finetuning type");
      typeWire = Optional.empty();
    }
    Optional<FinetuningType> type =
        params.parsed(typeWire, "filter[finetuning_type]", FinetuningType::fromWire);
    Optional<FilesetRef> fileset =
        params.parsed(filter.plain("fileset"), "filter[fileset]", FilesetRef::parse);
    params.throwIfAny();
    var query =
        new ModelEntityQuery(
            workspace,
            filter.text("name"),
            project,
            filter.hasBaseModel(),
            filter.baseModel(),
            type,
            fileset,
            filter.text("description"),
            filter.time("created_at"),
            filter.time("updated_at"),
            sort,
            new PageSlice(page, pageSize));
    // Every entity listed here is in the path's workspace: another one in the filter matches none.
    boolean elsewhere =
        filter.plain("workspace").filter(w -> !w.equals(workspace.value())).isPresent();
    Page<ModelEntity> found =
        elsewhere
            ? WorkspaceLists.none(page, pageSize)
            : useCases.listModels().list(identities.callerOf(ctx), query);
    ctx.json(
        WorkspaceLists.envelope(
            found,
            page,
            pageSize,
            m -> WorkspaceModelResponse.model(m, verbose),
            sortWire,
            filter.echo()));
  }

  void patch(Context ctx) {
    QueryParams params = new QueryParams(ctx);
    ModelRef ref = ref(params, NAME);
    boolean verbose = params.flag("verbose");
    params.throwIfAny();
    ModelEntityPatch patch =
        bodies.forUpdate(ctx, "UpdateModelEntityRequest", WorkspaceDocuments::readPatch);
    Caller caller = identities.callerOf(ctx);
    ModelEntity patched =
        RequestBodies.inBody(() -> useCases.patchModel().patch(caller, ref, patch));
    ctx.json(WorkspaceModelResponse.model(patched, verbose));
  }

  void delete(Context ctx) {
    QueryParams params = new QueryParams(ctx);
    ModelRef ref = ref(params, NAME);
    params.throwIfAny();
    useCases.deleteModel().delete(identities.callerOf(ctx), ref);
    ctx.status(HttpStatus.NO_CONTENT);
  }

  void addAdapter(Context ctx) {
    QueryParams params = new QueryParams(ctx);
    ModelRef ref = ref(params, MODEL_NAME);
    params.throwIfAny();
    NewModelAdapter adapter =
        bodies.forUpdate(ctx, "CreateModelAdapterRequest", WorkspaceDocuments::readAdapter);
    Caller caller = identities.callerOf(ctx);
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
    Caller caller = identities.callerOf(ctx);
    ModelEntity model =
        RequestBodies.inBody(() -> useCases.updateAdapter().update(caller, ref, name, patch));
    ctx.json(WorkspaceModelResponse.adapter(model, model.adapter(name)));
  }

  void deleteAdapter(Context ctx) {
    QueryParams params = new QueryParams(ctx);
    ModelRef ref = ref(params, MODEL_NAME);
    EntityName name = params.pathParam(ADAPTER, EntityName::new);
    params.throwIfAny();
    useCases.deleteAdapter().delete(identities.callerOf(ctx), ref, name);
    ctx.status(HttpStatus.NO_CONTENT);
  }

  /** The model the path names; null (with violations recorded) when a segment is malformed. */
  private static ModelRef ref(QueryParams params, String nameParam) {
    WorkspaceName workspace = params.pathParam(WORKSPACE, WorkspaceName::new);
    EntityName name = params.pathParam(nameParam, EntityName::new);
    return workspace == null || name == null ? null : new ModelRef(workspace, name);
  }
}
