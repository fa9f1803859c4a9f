package org.modelregistry.adapter.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers before a request reaches a route (a URI too long, headers too large, a path
 * that does not decode or is ambiguous) in the error shape of the request's {@link ErrorFamily}
 * instead of an HTML page. The message is the status's standard text, never anything taken from the
 * request.
 */
final class JettyErrors extends ErrorHandler {

  /**
   * The target Jetty gives a request whose request line it could not parse; the real one is lost.
   */
  private static final String UNPARSEABLE_TARGET = "/badMessage";

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    String text = jsonString(HttpStatus.getMessage(code));
    String detail =
        "\"detail\":[{\"loc\":[\"request\"],\"msg\":" + text + ",\"type\":\"http_" + code + "\"}]";
    String registration =
        "\"status\":"
            + code
            + ",\"error\":"
            + jsonString(ErrorBodies.registrationCode(code, HttpStatus.getMessage(code)))
            + ",\"message\":"
            + text;
    String path = pathOf(request);
    String body;
    if (path == null || path.equals(UNPARSEABLE_TARGET)) {
      // The request line did not parse, so which family it meant is unknown: the body carries the
      // fields of both shapes.
      body = "{" + detail + "," + registration + "}";
    } else {
      body =
          switch (ErrorFamily.of(path)) {
            case TEMPLATES_AND_MODELS -> "{" + detail + "}";
            case REGISTRATION -> "{" + registration + "}";
          };
    }
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
  }

  /** The request's path as sent, or null when Jetty could not make one out of the URI. */
  private static String pathOf(Request request) {
    try {
      return request.getHttpURI() == null ? null : request.getHttpURI().getPath();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String jsonString(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
