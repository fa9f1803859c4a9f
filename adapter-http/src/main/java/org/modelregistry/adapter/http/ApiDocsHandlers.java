package org.modelregistry.adapter.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /openapi.json} and {@code GET /docs}: the merged {@link OpenApiDocument} and its page
 * for people, each serialised once when the server is created and served as those bytes.
 */
final class ApiDocsHandlers {

  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

  private final byte[] document;
  private final byte[] page;

  ApiDocsHandlers(OpenApiDocument document) {
    this.document = document.json();
    this.page = ApiDocsPage.render(document.tree()).getBytes(StandardCharsets.UTF_8);
  }

  void document(Context ctx) {
    ctx.contentType("application/json").result(document);
  }

  void page(Context ctx) {
    // The page is self-contained; should a description ever slip markup through, the browser
    // still loads and runs nothing but the page's own inline style.
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.contentType("text/html; charset=utf-8").result(page);
  }
}
