package org.modelregistry.adapter.http;

import io.javalin.http.Context;
import java.util.Optional;
import org.modelregistry.domain.document.TemplateDocuments;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.template.Template;
import org.modelregistry.domain.template.TemplateDefinition;
import org.modelregistry.ports.in.CreateTemplateCommand;
import org.modelregistry.ports.in.RegistryUseCases;
import org.modelregistry.ports.in.TemplateQuery;
import org.modelregistry.ports.paging.PageRequest;

/** The {@code /v4/model-templates} routes: parse, call a use case, render. */
final class TemplateHandlers {

  static final String ID = "model_template_id";

  private final RegistryUseCases useCases;
  private final RequestBodies bodies;
  private final IdentitySource identities;

  TemplateHandlers(RegistryUseCases useCases, RequestBodies bodies, IdentitySource identities) {
    this.useCases = useCases;
    this.bodies = bodies;
    this.identities = identities;
  }

  void create(Context ctx) {
    TemplateDefinition definition =
        bodies.forCreate(ctx, ReferenceSchemas.MODEL_TEMPLATE_REQUEST, TemplateDocuments::read);
    Caller caller = identities.callerOf(ctx);
    Template created =
        RequestBodies.inBody(
            () ->
                useCases
                    .createTemplate()
                    .createTemplate(new CreateTemplateCommand(caller, definition)));
    ctx.json(TemplateResponse.from(created));
  }

  void list(Context ctx) {
    QueryParams query = new QueryParams(ctx);
    PageRequest page = query.page(false);
    query.throwIfAny();
    Optional<String> account = AccountSelection.forList(ctx, query);
    var templates =
        useCases
            .listTemplates()
            .listTemplates(new TemplateQuery(identities.callerOf(ctx), account, page));
    ctx.json(PageResponse.from(templates, TemplateResponse::from));
  }

  void get(Context ctx) {
    ctx.json(
        TemplateResponse.from(
            useCases.getTemplate().getTemplate(identities.callerOf(ctx), ctx.pathParam(ID))));
  }

  void delete(Context ctx) {
    useCases.deleteTemplate().deleteTemplate(identities.callerOf(ctx), ctx.pathParam(ID));
    ctx.json(DeleteResponse.one());
  }
}
