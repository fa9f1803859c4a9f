package org.modelregistry.adapter.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.modelregistry.adapter.http.ErrorBodies.MessageBody;
import org.modelregistry.adapter.http.ErrorBodies.ValidationErrorBody;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.error.ForbiddenException;
import org.modelregistry.domain.error.NotFoundException;
import org.modelregistry.domain.error.RegistryException;
import org.modelregistry.domain.error.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure becomes a JSON answer here, and nowhere else. Expected failures of the registry map
 * by kind; Javalin's own (unknown route, wrong method) keep their status; anything else is a bug,
 * logged in full and answered 500 without a word about its cause.
 */
final class ErrorMapping {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

  private ErrorMapping() {}

  static void register(RoutesConfig routes) {
    routes.exception(RegistryException.class, (e, ctx) -> respond(ctx, e));
    routes.exception(
        RequestRejected.class,
        (e, ctx) -> ctx.status(e.status()).json(ValidationErrorBody.of(e.violations())));
    routes.exception(HttpResponseException.class, ErrorMapping::respond);
    routes.exception(Exception.class, ErrorMapping::respondToBug);
  }

  /** The one mapping of the registry's expected failures to HTTP. */
  static void respond(Context ctx, RegistryException failure) {
    switch (failure) {
      case ValidationException e ->
          ctx.status(HttpStatus.UNPROCESSABLE_CONTENT).json(ValidationErrorBody.of(e.violations()));
      case NotFoundException e ->
          ctx.status(HttpStatus.NOT_FOUND).json(new MessageBody(e.getMessage()));
      case ConflictException e ->
          ctx.status(HttpStatus.CONFLICT).json(new MessageBody(e.getMessage()));
      case ForbiddenException e ->
          ctx.status(HttpStatus.FORBIDDEN).json(new MessageBody(e.getMessage()));
    }
  }

  /** Unknown routes (404), wrong methods (405) and other statuses Javalin raises itself. */
  private static void respond(HttpResponseException e, Context ctx) {
    HttpStatus status = HttpStatus.forStatus(e.getStatus());
    // Javalin names the list differently for JSON and HTML clients.
    String allowed =
        e.getDetails().getOrDefault("availableMethods", e.getDetails().get("Available methods"));
    if (status == HttpStatus.METHOD_NOT_ALLOWED && allowed != null) {
      ctx.header(Header.ALLOW, allowed);
    }
    // The reason phrase only: Javalin's messages may echo the request path.
    String reason = status == HttpStatus.UNKNOWN ? "Error" : status.getMessage();
    ctx.status(e.getStatus()).json(new MessageBody(reason));
  }

  private static void respondToBug(Exception e, Context ctx) {
    LOG.error("Unexpected failure handling {} {}", ctx.method(), ctx.path(), e);
    ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).json(new MessageBody("Internal Server Error"));
  }
}
