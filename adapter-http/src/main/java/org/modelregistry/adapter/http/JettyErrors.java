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
 * that does not decode) in the API's own error shape instead of an HTML page. The message is the
 * status's standard text, never anything taken from the request.
 */
final class JettyErrors extends ErrorHandler {

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    String text = HttpStatus.getMessage(code);
    String body =
        "{\"detail\":[{\"loc\":[\"request\"],\"msg\":\""
            + text.replace("\\", "\\\\").replace("\"", "\\\"")
            + "\",\"type\":\"http_"
            + code
            + "\"}]}";
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
  }
}
