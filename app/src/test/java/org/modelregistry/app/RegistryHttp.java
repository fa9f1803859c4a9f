package org.modelregistry.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** HTTP calls to one running registry on 127.0.0.1, for the system tests. */
final class RegistryHttp {

  private final HttpClient client = HttpClient.newHttpClient();
  private final RegistryApplication app;

  RegistryHttp(RegistryApplication app) {
    this.app = app;
  }

  /** A request to {@code path} on the registry, to finish and hand to {@link #send}. */
  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
  }

  /**
   * {@code method} on {@code path} with a JSON {@code body} (none when null); the reply as text.
   */
  HttpResponse<String> send(String method, String path, String body)
      throws IOException, InterruptedException {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** {@code request} as it is; the reply read by {@code replies}. */
  <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> replies)
      throws IOException, InterruptedException {
    return client.send(request, replies);
  }
}
