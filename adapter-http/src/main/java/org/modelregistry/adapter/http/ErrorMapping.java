package org.modelregistry.adapter.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.List;
import org.modelregistry.adapter.http.ErrorBodies.MessageBody;
import org.modelregistry.adapter.http.ErrorBodies.RegistrationErrorBody;
import org.modelregistry.adapter.http.ErrorBodies.ValidationErrorBody;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.error.ForbiddenException;
import org.modelregistry.domain.error.NotFoundException;
import org.modelregistry.domain.error.RegistryException;
import org.modelregistry.domain.error.ValidationException;
import org.modelregistry.domain.error.Violation;
import org.modelregistry.ports.out.ExternalSourceException;
import org.modelregistry.ports.out.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure becomes a JSON answer here, and nowhere else, in the shape of the request's {@link
 * ErrorFamily}. Expected failures of the registry map by kind; failures the adapter raises itself
 * (a body it cannot read, a range outside a file) and Javalin's own (unknown route, wrong method)
 * keep their status; an unavailable store is a 503, a failing external source a 502; anything else
 * is a bug, logged in full and answered 500 without a word about its cause.
 */
final class ErrorMapping {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

  private ErrorMapping() {}

  static void register(RoutesConfig routes) {
    routes.exception(RegistryException.class, (e, ctx) -> respond(ctx, e));
    routes.exception(RequestRejected.class, ErrorMapping::respond);
    routes.exception(AuthenticationFailed.class, ErrorMapping::respond);
    routes.exception(RangeNotSatisfiable.class, ErrorMapping::respond);
    routes.exception(StorageException.class, ErrorMapping::respond);
    routes.exception(ExternalSourceException.class, ErrorMapping::respond);
    routes.exception(HttpResponseException.class, ErrorMapping::respond);
    routes.exception(Exception.class, ErrorMapping::respondToBug);
  }

  /** The one mapping of the registry's expected failures to HTTP. */
  static void respond(Context ctx, RegistryException failure) {
    switch (failure) {
      case ValidationException e -> invalid(ctx, e.violations());
      case NotFoundException e -> message(ctx, HttpStatus.NOT_FOUND, e.getMessage());
      case ConflictException e -> message(ctx, HttpStatus.CONFLICT, e.getMessage());
      case ForbiddenException e -> message(ctx, HttpStatus.FORBIDDEN, e.getMessage());
    }
  }

  /** A body that could not be read (too large, not JSON, not an object). */
  private static void respond(RequestRejected e, Context ctx) {
    switch (ErrorFamily.of(ctx.path())) {
      case TEMPLATES_AND_MODELS ->
          ctx.status(e.status()).json(ValidationErrorBody.of(e.violations()));
      case REGISTRATION -> {
        // This family keeps 422 for documents it could read; a body that is not one JSON object
        // is a bad request.
        int status =
            e.status() == HttpStatus.UNPROCESSABLE_CONTENT.getCode()
                ? HttpStatus.BAD_REQUEST.getCode()
                : e.status();
        message(ctx, HttpStatus.forStatus(status), e.getMessage());
      }
    }
  }

  /** No or no valid API key (401, with the Bearer challenge), or too many failures (429). */
  private static void respond(AuthenticationFailed e, Context ctx) {
    if (e.retryAfter().isPresent()) {
      // Whole seconds, rounded up, so that a client waiting as told is let in.
      long millis = e.retryAfter().get().toMillis();
      ctx.header(Header.RETRY_AFTER, Long.toString(Math.max(1, (millis + 999) / 1000)));
      message(ctx, HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
    } else {
      ctx.header(Header.WWW_AUTHENTICATE, ApiKeyAuthentication.CHALLENGE);
      message(ctx, HttpStatus.UNAUTHORIZED, e.getMessage());
    }
  }

  private static void respond(RangeNotSatisfiable e, Context ctx) {
    ctx.header(Header.CONTENT_RANGE, "bytes */" + e.size());
    message(ctx, HttpStatus.RANGE_NOT_SATISFIABLE, e.getMessage());
  }

  /** The store's message names storage paths, which are no business of the client: logged only. */
  private static void respond(StorageException e, Context ctx) {
    LOG.warn("Storage unavailable handling {} {}", ctx.method(), ctx.path(), e);
    if (!committed(ctx)) {
      message(
          ctx, HttpStatus.SERVICE_UNAVAILABLE, "the file storage is unavailable; try again later");
    }
  }

  /**
   * An S3 bucket or Hugging Face endpoint a fileset reads from failed: a 502 whose message names
   * the source (its messages never hold secrets or signed queries, by the port's contract).
   */
  private static void respond(ExternalSourceException e, Context ctx) {
    LOG.warn("External source failed handling {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
    if (!committed(ctx)) {
      message(ctx, HttpStatus.BAD_GATEWAY, e.getMessage());
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
    ctx.status(e.getStatus());
    switch (ErrorFamily.of(ctx.path())) {
      case TEMPLATES_AND_MODELS -> ctx.json(new MessageBody(reason));
      case REGISTRATION -> ctx.json(RegistrationErrorBody.of(e.getStatus(), reason, reason));
    }
  }

  private static void respondToBug(Exception e, Context ctx) {
    LOG.error("Unexpected failure handling {} {}", ctx.method(), ctx.path(), e);
    // A download that fails midway has sent its headers: the short body ends the connection.
    if (!committed(ctx)) {
      message(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "Internal Server Error");
    }
  }

  /** 422 with every violation. */
  private static void invalid(Context ctx, List<Violation> violations) {
    ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
    switch (ErrorFamily.of(ctx.path())) {
      case TEMPLATES_AND_MODELS -> ctx.json(ValidationErrorBody.of(violations));
      case REGISTRATION -> ctx.json(RegistrationErrorBody.invalid(violations));
    }
  }

  /** A failure told in one message. */
  private static void message(Context ctx, HttpStatus status, String message) {
    ctx.status(status);
    switch (ErrorFamily.of(ctx.path())) {
      case TEMPLATES_AND_MODELS -> ctx.json(new MessageBody(message));
      case REGISTRATION ->
          ctx.json(RegistrationErrorBody.of(status.getCode(), status.getMessage(), message));
    }
  }

  private static boolean committed(Context ctx) {
    return ctx.res().isCommitted();
  }
}
