package org.modelregistry.adapter.http;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.modelregistry.domain.document.ModelDocuments;
import org.modelregistry.domain.error.NotFoundException;
import org.modelregistry.domain.error.Violation;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.model.Model;
import org.modelregistry.domain.model.ModelDefinition;
import org.modelregistry.domain.model.ModelPatch;
import org.modelregistry.domain.template.ModelType;
import org.modelregistry.domain.template.Template;
import org.modelregistry.ports.in.CreateModelCommand;
import org.modelregistry.ports.in.ModelQuery;
import org.modelregistry.ports.in.ModelSort;
import org.modelregistry.ports.in.RegistryUseCases;
import org.modelregistry.ports.in.UpdateModelCommand;
import org.modelregistry.ports.paging.Page;
import org.modelregistry.ports.paging.PageRequest;

/** The {@code /v4/models} routes: parse, call a use case, render. */
final class ModelHandlers {

  static final String ID = "model_id";

  private static final String MODEL_TYPES =
      String.join(", ", Arrays.stream(ModelType.values()).map(Enum::name).toList());

  private final RegistryUseCases useCases;
  private final RequestBodies bodies;
  private final IdentitySource identities;

  ModelHandlers(RegistryUseCases useCases, RequestBodies bodies, IdentitySource identities) {
    this.useCases = useCases;
    this.bodies = bodies;
    this.identities = identities;
  }

  void create(Context ctx) {
    ModelDefinition definition =
        bodies.forCreate(
            ctx,
            ReferenceSchemas.MODEL_INSTANCE_REQUEST,
            ModelDocuments::read,
            body -> templateViolations(ctx, body));
    Caller caller = identities.callerOf(ctx);
    Model created =
        RequestBodies.inBody(
            () -> useCases.createModel().createModel(new CreateModelCommand(caller, definition)));
    ctx.json(ModelResponse.from(created));
  }

  void list(Context ctx) {
    QueryParams query = new QueryParams(ctx);
    Optional<ModelType> modelType =
        query.oneOf("model_type", ModelHandlers::modelType, MODEL_TYPES);
    List<SortBy> sortBy = query.each("sort_by", SortBy::parse, SortBy.EXPECTED);
    List<ModelView> views = query.each("view", ModelView::fromWire, ModelView.EXPECTED);
    boolean sorted = !ctx.queryParams("sort_by").isEmpty();
    PageRequest page = query.page(sorted);
    query.throwIfAny();
    List<ModelSort> order = sortBy.stream().flatMap(s -> s.order().stream()).toList();
    Page<Model> models =
        useCases
            .listModels()
            .listModels(
                new ModelQuery(
                    identities.callerOf(ctx),
                    AccountSelection.forList(ctx, query),
                    modelType,
                    query.text("model_group_id"),
                    order,
                    page));
    // A cursor names a position in the default order; a sorted page must not offer one.
    Page<Model> shown =
        sorted
            ? new Page<>(
                models.items(),
                models.totalItemCount(),
                models.currentPage(),
                models.itemsPerPage(),
                Optional.empty())
            : models;
    ctx.json(PageResponse.from(shown, m -> ModelResponse.from(m, views)));
  }

  void get(Context ctx) {
    QueryParams query = new QueryParams(ctx);
    List<ModelView> views = query.each("view", ModelView::fromWire, ModelView.EXPECTED);
    query.throwIfAny();
    ctx.json(
        ModelResponse.from(
            useCases.getModel().getModel(identities.callerOf(ctx), ctx.pathParam(ID)), views));
  }

  void update(Context ctx) {
    ModelPatch patch =
        bodies.forUpdate(
            ctx, ReferenceSchemas.PARTIAL_MODEL_INSTANCE_REQUEST, ModelDocuments::readPatch);
    Caller caller = identities.callerOf(ctx);
    String id = ctx.pathParam(ID);
    Model updated =
        RequestBodies.inBody(
            () -> useCases.updateModel().updateModel(new UpdateModelCommand(caller, id, patch)));
    ctx.json(ModelResponse.from(updated));
  }

  void delete(Context ctx) {
    useCases.deleteModel().deleteModel(identities.callerOf(ctx), ctx.pathParam(ID));
    ctx.json(DeleteResponse.one());
  }

  /**
   * The template rules for a body that has other problems too, read leniently: parts of the wrong
   * type are left out, so only the checks that can run do.
   */
  @SuppressWarnings("unchecked")
  private List<Violation> templateViolations(Context ctx, Map<String, Object> body) {
    String templateId = body.get("model_template_id") instanceof String s ? s : null;
    Optional<Template> template = Optional.empty();
    if (templateId != null) {
      try {
        template =
            Optional.of(useCases.getTemplate().getTemplate(identities.callerOf(ctx), templateId));
      } catch (NotFoundException e) {
        // reported by the template rule itself as an unknown template
      }
    }
    return Model.templateViolations(
        body.get("account_id") instanceof String s ? s : null,
        body.get("model_type") instanceof String s ? modelType(s).orElse(null) : null,
        templateId,
        body.get("model_creation_parameters") instanceof Map<?, ?> m
            ? (Map<String, Object>) m
            : null,
        template);
  }

  private static Optional<ModelType> modelType(String value) {
    return Arrays.stream(ModelType.values()).filter(t -> t.name().equals(value)).findFirst();
  }
}
