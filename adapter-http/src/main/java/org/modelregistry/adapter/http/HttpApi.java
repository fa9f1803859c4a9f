package org.modelregistry.adapter.http;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.json.JavalinJackson3;
import io.javalin.security.RouteRole;
import java.util.Objects;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.modelregistry.ports.in.RegistryUseCases;

/**
 * The registry's HTTP API. Two families of routes: {@code /v4/model-templates} and {@code
 * /v4/models}, shaped like the public reference OpenAPI document (bodies are checked against its
 * request schemas, then by the domain), and the registration API under {@code /api} ({@code
 * /api/v1.0/model...}, {@code /api/add_models}), whose bodies the domain's document readers check;
 * and the workspace model entities under {@code /apis/models/v2/workspaces/{workspace}/models}, and
 * the filesets under {@code /apis/files/v2/workspaces/{workspace}/filesets}, both checked against
 * the workspace reference document's request schemas, then by the domain, with the files of
 * filesets ({@code .../filesets/{name}/-/{path}}, {@code .../filesets/{name}/files}) streamed in
 * and out; and the admin routes under {@code /admin} (identities, API keys, the audit log); and the
 * API's own description, {@code /openapi.json} and its page {@code /docs}, which answer anyone
 * ({@link RouteAccess#PUBLIC}). Every failure answers in the error shape of its family ({@link
 * ErrorFamily}).
 */
public final class HttpApi {

  private static final String VERSION_ROUTE =
      "/api/v1.0/model/{" + RegistrationHandlers.NAME + "}/{" + RegistrationHandlers.VERSION + "}";

  private HttpApi() {}

  /**
   * GET {@code path}, and HEAD answered by the same handler (the server sends its headers, no
   * body), so that HEAD tells exactly what GET would: Javalin otherwise answers HEAD on a GET route
   * 200 without running the handler, whatever the resource and the caller.
   */
  private static void getAndHead(
      RoutesConfig routes, String path, Handler handler, RouteRole... roles) {
    routes.get(path, handler, roles);
    routes.head(path, handler, roles);
  }

  /**
   * An unstarted server in which every request acts as {@code settings.localIdentity()}.
   *
   * @throws IllegalStateException when the bundled reference schemas cannot be loaded, or the
   *     OpenAPI document cannot be built from them
   */
  public static Javalin create(HttpSettings settings, RegistryUseCases useCases) {
    Objects.requireNonNull(settings, "settings");
    return create(
        settings,
        useCases,
        IdentitySource.fixed(settings.localIdentity(), settings.localIdentityAdmin()));
  }

  /**
   * An unstarted server in which each request acts as {@code identities} says, for example as the
   * identity whose API key it presents ({@link ApiKeyAuthentication}); the settings' local identity
   * and its admin flag are then not used. Every mutating request is recorded in the audit log.
   */
  public static Javalin create(
      HttpSettings settings, RegistryUseCases useCases, IdentitySource identities) {
    return create(settings, useCases, identities, Operations.standalone());
  }

  /**
   * An unstarted server as {@link #create(HttpSettings, RegistryUseCases, IdentitySource)} makes,
   * whose operational routes ({@code /healthz}, {@code /readyz}, {@code /metrics}) answer from
   * {@code operations}, and which records every request in its meters.
   */
  public static Javalin create(
      HttpSettings settings,
      RegistryUseCases useCases,
      IdentitySource identities,
      Operations operations) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(operations, "operations");
    Objects.requireNonNull(useCases, "useCases");
    Objects.requireNonNull(identities, "identities");
    JsonCodec codec = new JsonCodec();
    ReferenceSchemas schemas = loadSchemas();
    JsonBodyReader reader = new JsonBodyReader(settings.maxRequestBodyBytes(), codec);
    RequestBodies bodies = new RequestBodies(reader, schemas, codec);
    TemplateHandlers templates = new TemplateHandlers(useCases, bodies, identities);
    ModelHandlers models = new ModelHandlers(useCases, bodies, identities);
    RegistrationHandlers registrations =
        new RegistrationHandlers(useCases.registration(), reader, codec, identities);
    ModelFileHandlers files = new ModelFileHandlers(useCases.registration(), identities);
    RequestBodies workspaceBodies = new RequestBodies(reader, loadWorkspaceSchemas(), codec);
    AdminHandlers admin = new AdminHandlers(useCases.identity(), reader, codec, identities);
    AuditTrail audit = new AuditTrail(useCases.identity().recordAudit(), identities);
    WorkspaceModelHandlers workspaceModels =
        new WorkspaceModelHandlers(useCases.workspace(), workspaceBodies, identities);
    FilesetHandlers filesets =
        new FilesetHandlers(useCases.workspace(), workspaceBodies, identities);
    FilesetFileHandlers filesetFiles =
        new FilesetFileHandlers(useCases.workspace(), identities, settings.maxUploadBytes());
    OperationsHandlers operational = new OperationsHandlers(operations);
    RequestLog requestLog = new RequestLog(operations.meters());
    ApiDocsHandlers docs = new ApiDocsHandlers(loadDocument());

    return Javalin.create(
        config -> {
          config.startup.showJavalinBanner = false;
          // Requests may block for long (?wait=true holds one up to a minute, downloads stream
          // gigabytes): virtual threads keep such requests from starving the server's pool.
          config.concurrency.useVirtualThreads = true;
          config.jsonMapper(new JavalinJackson3(codec.mapper(), false));
          // Bounds ctx.body...() only. JSON bodies are bounded by JsonBodyReader; fileset uploads
          // stream the request's own input into the store and are bounded by nothing here.
          config.http.maxRequestSize = settings.maxRequestBodyBytes();
          // A known path asked with another method answers 405 (with Allow), not 404.
          config.http.prefer405over404 = true;
          config.jetty.modifyServer(
              server -> {
                server.setErrorHandler(new JettyErrors());
                // Counts the requests in flight, which RunningHttpApi.close() lets finish.
                server.insertHandler(new GracefulHandler());
              });
          ErrorMapping.register(config.routes);
          // First of the before handlers: refusals by the authentication carry the id too.
          requestLog.register(config);
          identities.register(config.routes);
          audit.register(config.routes);

          getAndHead(
              config.routes, OperationsHandlers.HEALTH, operational::health, RouteAccess.PUBLIC);
          getAndHead(
              config.routes, OperationsHandlers.READY, operational::ready, RouteAccess.PUBLIC);
          getAndHead(
              config.routes, OperationsHandlers.METRICS, operational::metrics, RouteAccess.PUBLIC);
          getAndHead(config.routes, OpenApiDocument.PATH, docs::document, RouteAccess.PUBLIC);
          getAndHead(config.routes, ApiDocsPage.PATH, docs::page, RouteAccess.PUBLIC);

          config.routes.post("/v4/model-templates", templates::create);
          getAndHead(config.routes, "/v4/model-templates", templates::list);
          getAndHead(
              config.routes, "/v4/model-templates/{" + TemplateHandlers.ID + "}", templates::get);
          config.routes.delete(
              "/v4/model-templates/{" + TemplateHandlers.ID + "}", templates::delete);

          config.routes.post("/v4/models", models::create);
          getAndHead(config.routes, "/v4/models", models::list);
          getAndHead(config.routes, "/v4/models/{" + ModelHandlers.ID + "}", models::get);
          config.routes.patch("/v4/models/{" + ModelHandlers.ID + "}", models::update);
          config.routes.delete("/v4/models/{" + ModelHandlers.ID + "}", models::delete);

          config.routes.put(VERSION_ROUTE, registrations::register);
          getAndHead(config.routes, VERSION_ROUTE, registrations::get, RouteAccess.ANONYMOUS_READ);
          config.routes.patch(VERSION_ROUTE, registrations::update);
          config.routes.delete(VERSION_ROUTE, registrations::delete);
          getAndHead(
              config.routes,
              VERSION_ROUTE + "/{" + RegistrationHandlers.OWNER + "}",
              registrations::get,
              RouteAccess.ANONYMOUS_READ);
          getAndHead(
              config.routes,
              "/api/v1.0/model/{" + RegistrationHandlers.NAME + "}",
              registrations::versions,
              RouteAccess.ANONYMOUS_READ);
          getAndHead(
              config.routes, "/api/v1.0/models", registrations::list, RouteAccess.ANONYMOUS_READ);
          config.routes.post("/api/add_models", registrations::registerLegacy);
          // <path> takes the rest of the URL, slashes included.
          String file = VERSION_ROUTE + "/files/<" + ModelFileHandlers.PATH + ">";
          config.routes.get(file, files::get, RouteAccess.ANONYMOUS_READ);
          config.routes.head(file, files::head, RouteAccess.ANONYMOUS_READ);

          config.routes.post(WorkspaceModelHandlers.MODELS, workspaceModels::create);
          getAndHead(config.routes, WorkspaceModelHandlers.MODELS, workspaceModels::list);
          getAndHead(config.routes, WorkspaceModelHandlers.MODEL, workspaceModels::get);
          config.routes.patch(WorkspaceModelHandlers.MODEL, workspaceModels::patch);
          config.routes.delete(WorkspaceModelHandlers.MODEL, workspaceModels::delete);
          config.routes.post(WorkspaceModelHandlers.ADAPTERS, workspaceModels::addAdapter);
          config.routes.patch(WorkspaceModelHandlers.ADAPTER_ROUTE, workspaceModels::updateAdapter);
          config.routes.delete(
              WorkspaceModelHandlers.ADAPTER_ROUTE, workspaceModels::deleteAdapter);

          config.routes.post(FilesetHandlers.FILESETS, filesets::create);
          getAndHead(config.routes, FilesetHandlers.FILESETS, filesets::list);
          getAndHead(config.routes, FilesetHandlers.FILESET, filesets::get);
          config.routes.patch(FilesetHandlers.FILESET, filesets::patch);
          config.routes.delete(FilesetHandlers.FILESET, filesets::delete);
          getAndHead(config.routes, FilesetFileHandlers.FILES, filesetFiles::list);
          config.routes.put(FilesetFileHandlers.FILE, filesetFiles::put);
          config.routes.get(FilesetFileHandlers.FILE, filesetFiles::get);
          config.routes.head(FilesetFileHandlers.FILE, filesetFiles::head);
          config.routes.delete(FilesetFileHandlers.FILE, filesetFiles::delete);

          config.routes.post(AdminHandlers.IDENTITIES, admin::createIdentity);
          getAndHead(config.routes, AdminHandlers.IDENTITIES, admin::listIdentities);
          config.routes.patch(AdminHandlers.IDENTITY, admin::updateIdentity);
          config.routes.post(AdminHandlers.IDENTITY_KEYS, admin::issueKey);
          getAndHead(config.routes, AdminHandlers.IDENTITY_KEYS, admin::listKeys);
          config.routes.delete(AdminHandlers.KEY, admin::revokeKey);
          getAndHead(config.routes, AdminHandlers.AUDIT, admin::listAudit);
        });
  }

  /**
   * Creates the API as {@link #create(HttpSettings, RegistryUseCases)} does and starts it, for
   * callers that should not depend on Javalin themselves.
   *
   * @param host the address to bind, e.g. {@code 0.0.0.0}
   * @param port the port to listen on; 0 picks a free one ({@link RunningHttpApi#port()})
   */
  public static RunningHttpApi start(
      HttpSettings settings, RegistryUseCases useCases, String host, int port) {
    Objects.requireNonNull(host, "host");
    return new RunningHttpApi(
        create(settings, useCases).start(host, port), settings.shutdownGrace());
  }

  /**
   * Creates the API with requests acting as {@code identities} tells (for example {@link
   * ApiKeyAuthentication}) and starts it.
   */
  public static RunningHttpApi start(
      HttpSettings settings,
      RegistryUseCases useCases,
      IdentitySource identities,
      String host,
      int port) {
    return start(settings, useCases, identities, Operations.standalone(), host, port);
  }

  /**
   * Creates the API with requests acting as {@code identities} tells and its operational routes
   * answering from {@code operations}, and starts it.
   */
  public static RunningHttpApi start(
      HttpSettings settings,
      RegistryUseCases useCases,
      IdentitySource identities,
      Operations operations,
      String host,
      int port) {
    Objects.requireNonNull(host, "host");
    return new RunningHttpApi(
        create(settings, useCases, identities, operations).start(host, port),
        settings.shutdownGrace());
  }

  private static OpenApiDocument loadDocument() {
    try {
      return OpenApiDocument.shared();
    } catch (RuntimeException e) {
      throw new IllegalStateException("cannot build the OpenAPI document", e);
    }
  }

  private static ReferenceSchemas loadWorkspaceSchemas() {
    try {
      return ReferenceSchemas.workspace();
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "cannot load the reference schemas from " + ReferenceSchemas.WORKSPACE_RESOURCE, e);
    }
  }

  private static ReferenceSchemas loadSchemas() {
    try {
      return ReferenceSchemas.shared();
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "cannot load the reference schemas from " + ReferenceSchemas.RESOURCE, e);
    }
  }
}
