package org.modelregistry.adapter.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The page for people at {@code /docs}: the {@link OpenApiDocument} rendered on the server as one
 * self-contained HTML page (inline CSS, no scripts, nothing fetched from elsewhere, since the
 * registry may run offline), every operation grouped by its tag with its method, path, summary,
 * description, credentials, parameters, request body and response statuses. Every text taken from
 * the document is HTML-escaped.
 */
final class ApiDocsPage {

  /** Where the page is served. */
  static final String PATH = "/docs";

  private static final String UNTAGGED = "Other";

  private static final String STYLE =
      """
      body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d2330;\
      background:#f6f7f9;line-height:1.45}
      header,main{max-width:1100px;margin:0 auto;padding:0 24px}
      header{padding-top:24px}
      h1{margin:0 0 4px}h2{margin:40px 0 8px;border-bottom:2px solid #d5d9e0;padding-bottom:4px}
      nav ul{columns:2;padding-left:20px}
      section.op{background:#fff;border:1px solid #d5d9e0;border-radius:6px;margin:12px 0;\
      padding:12px 16px}
      .line{display:flex;gap:12px;align-items:baseline;flex-wrap:wrap}
      .method{font:bold 13px monospace;color:#fff;border-radius:4px;padding:2px 8px;\
      min-width:56px;text-align:center}
      .get{background:#2f7d32}.head{background:#607d8b}.post{background:#1565c0}\
      .put{background:#ef6c00}.patch{background:#6a1b9a}.delete{background:#c62828}
      .path{font:15px monospace;word-break:break-all}.summary{color:#4a5568}
      .desc{white-space:pre-wrap;margin:8px 0}
      table{border-collapse:collapse;margin:6px 0 10px;width:100%;font-size:14px}
      th,td{border:1px solid #e2e5ea;padding:4px 8px;text-align:left;vertical-align:top}
      th{background:#f0f2f5}code{font-family:monospace}h4{margin:10px 0 2px}
      """;

  private ApiDocsPage() {}

  /** The page of {@code document}. */
  static String render(JsonNode document) {
    Map<String, List<Operation>> byTag = groupByTag(document);
    StringBuilder html = new StringBuilder(64 * 1024);
    String title = document.path("info").path("title").stringValue("API");
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>")
        .append(escape(title))
        .append("</title><style>")
        .append(STYLE)
        .append("</style></head><body><header><h1>")
        .append(escape(title))
        .append("</h1><p>Version ")
        .append(escape(document.path("info").path("version").stringValue("")))
        .append(" &middot; OpenAPI ")
        .append(escape(document.path("openapi").stringValue("")))
        .append(" &middot; <a href=\"")
        .append(OpenApiDocument.PATH)
        .append("\">")
        .append(OpenApiDocument.PATH)
        .append("</a></p>");
    description(html, document.path("info").path("description"));
    html.append("<nav><ul>");
    byTag.forEach(
        (tag, operations) ->
            html.append("<li><a href=\"#")
                .append(escape(anchor(tag)))
                .append("\">")
                .append(escape(tag))
                .append("</a> (")
                .append(operations.size())
                .append(")</li>"));
    html.append("</ul></nav></header><main>");
    Map<String, String> tagDescriptions = new LinkedHashMap<>();
    document
        .path("tags")
        .values()
        .forEach(
            t ->
                tagDescriptions.put(
                    t.path("name").stringValue(""), t.path("description").stringValue("")));
    byTag.forEach(
        (tag, operations) -> {
          html.append("<h2 id=\"")
              .append(escape(anchor(tag)))
              .append("\">")
              .append(escape(tag))
              .append("</h2>");
          String about = tagDescriptions.getOrDefault(tag, "");
          if (!about.isEmpty()) {
            html.append("<p class=\"desc\">").append(escape(about)).append("</p>");
          }
          operations.forEach(operation -> operation(html, document, operation));
        });
    html.append("</main></body></html>\n");
    return html.toString();
  }

  /** One operation of the document: where it is and what it says. */
  private record Operation(String method, String path, JsonNode pathItem, JsonNode operation) {}

  /** The operations under their first tag, tags in the document's order, then the others. */
  private static Map<String, List<Operation>> groupByTag(JsonNode document) {
    Map<String, List<Operation>> byTag = new LinkedHashMap<>();
    document
        .path("tags")
        .values()
        .forEach(t -> byTag.put(t.path("name").stringValue(""), new ArrayList<>()));
    document
        .path("paths")
        .properties()
        .forEach(
            path ->
                OpenApiDocument.operations(path.getValue())
                    .forEach(
                        (method, operation) -> {
                          JsonNode tags = operation.path("tags");
                          String tag =
                              tags.isEmpty() ? UNTAGGED : tags.get(0).stringValue(UNTAGGED);
                          byTag
                              .computeIfAbsent(tag, t -> new ArrayList<>())
                              .add(
                                  new Operation(method, path.getKey(), path.getValue(), operation));
                        }));
    byTag.values().removeIf(List::isEmpty);
    return byTag;
  }

  private static void operation(StringBuilder html, JsonNode document, Operation op) {
    String method = op.method().toLowerCase(Locale.ROOT);
    html.append("<section class=\"op\" id=\"")
        .append(escape(anchor(method + " " + op.path())))
        .append("\"><div class=\"line\"><span class=\"method ")
        .append(escape(method))
        .append("\">")
        .append(escape(method.toUpperCase(Locale.ROOT)))
        .append("</span><span class=\"path\">")
        .append(escape(op.path()))
        .append("</span><span class=\"summary\">")
        .append(escape(op.operation().path("summary").stringValue("")))
        .append("</span></div>");
    description(html, op.operation().path("description"));
    security(html, document, op.operation());
    parameters(html, document, op);
    requestBody(html, document, op.operation().path("requestBody"));
    responses(html, document, op.operation().path("responses"));
    html.append("</section>");
  }

  /** Which credentials the operation takes: its own requirement, else the document's. */
  private static void security(StringBuilder html, JsonNode document, JsonNode operation) {
    JsonNode requirements =
        operation.has("security") ? operation.get("security") : document.path("security");
    List<String> ways = new ArrayList<>();
    requirements
        .values()
        .forEach(
            requirement ->
                ways.add(
                    requirement.isEmpty()
                        ? "no credentials"
                        : String.join(" + ", requirement.propertyNames())));
    html.append("<p><b>Authentication:</b> ")
        .append(escape(ways.isEmpty() ? "none" : String.join(" or ", ways)))
        .append("</p>");
  }

  private static void parameters(StringBuilder html, JsonNode document, Operation op) {
    List<JsonNode> parameters = new ArrayList<>();
    op.pathItem()
        .path("parameters")
        .values()
        .forEach(p -> parameters.add(OpenApiDocument.resolve(document, p)));
    op.operation()
        .path("parameters")
        .values()
        .forEach(p -> parameters.add(OpenApiDocument.resolve(document, p)));
    if (parameters.isEmpty()) {
      return;
    }
    html.append("<h4>Parameters</h4><table><tr><th>name</th><th>in</th><th>required</th>")
        .append("<th>type</th><th>description</th></tr>");
    for (JsonNode parameter : parameters) {
      html.append("<tr><td><code>")
          .append(escape(parameter.path("name").stringValue("")))
          .append("</code></td><td>")
          .append(escape(parameter.path("in").stringValue("")))
          .append("</td><td>")
          .append(parameter.path("required").asBoolean(false) ? "yes" : "no")
          .append("</td><td><code>")
          .append(escape(typeOf(parameter.path("schema"))))
          .append("</code></td><td>")
          .append(escape(parameter.path("description").stringValue("")))
          .append("</td></tr>");
    }
    html.append("</table>");
  }

  private static void requestBody(StringBuilder html, JsonNode document, JsonNode body) {
    if (body.isMissingNode()) {
      return;
    }
    JsonNode resolved = OpenApiDocument.resolve(document, body);
    html.append("<h4>Request body")
        .append(resolved.path("required").asBoolean(false) ? "" : " (optional)")
        .append("</h4>");
    description(html, resolved.path("description"));
    content(html, resolved.path("content"));
  }

  private static void responses(StringBuilder html, JsonNode document, JsonNode responses) {
    if (responses.isEmpty()) {
      return;
    }
    html.append("<h4>Responses</h4><table><tr><th>status</th><th>description</th>")
        .append("<th>body</th></tr>");
    responses
        .properties()
        .forEach(
            status -> {
              JsonNode response = OpenApiDocument.resolve(document, status.getValue());
              html.append("<tr><td><code>")
                  .append(escape(status.getKey()))
                  .append("</code></td><td>")
                  .append(escape(response.path("description").stringValue("")))
                  .append("</td><td>");
              content(html, response.path("content"));
              html.append("</td></tr>");
            });
    html.append("</table>");
  }

  /** Each media type and the schema it carries, e.g. {@code application/json: RegisteredModel}. */
  private static void content(StringBuilder html, JsonNode content) {
    List<String> entries = new ArrayList<>();
    content
        .properties()
        .forEach(
            type -> entries.add(type.getKey() + ": " + typeOf(type.getValue().path("schema"))));
    html.append("<code>").append(escape(String.join("; ", entries))).append("</code>");
  }

  /** A short name of a schema: its component name, or its type. */
  private static String typeOf(JsonNode schema) {
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").stringValue("");
      return ref.substring(ref.lastIndexOf('/') + 1);
    }
    if (schema.has("enum")) {
      List<String> values = new ArrayList<>();
      schema.get("enum").values().forEach(v -> values.add(v.asString()));
      return String.join(" | ", values);
    }
    JsonNode type = schema.path("type");
    if (type.isArray()) {
      List<String> types = new ArrayList<>();
      type.values().forEach(t -> types.add(t.asString()));
      return String.join(" | ", types);
    }
    if ("array".equals(type.stringValue(""))) {
      return typeOf(schema.path("items")) + "[]";
    }
    for (String combinator : List.of("anyOf", "oneOf", "allOf")) {
      if (schema.has(combinator)) {
        List<String> parts = new ArrayList<>();
        schema.get(combinator).values().forEach(part -> parts.add(typeOf(part)));
        return String.join(combinator.equals("allOf") ? " & " : " | ", parts);
      }
    }
    String name = type.stringValue(schema.isEmpty() ? "any" : "object");
    return schema.has("format") ? name + " (" + schema.get("format").asString() + ")" : name;
  }

  private static void description(StringBuilder html, JsonNode description) {
    String text = description.stringValue("");
    if (!text.isEmpty()) {
      html.append("<p class=\"desc\">").append(escape(text)).append("</p>");
    }
  }

  /** An id for an anchor: letters and digits kept, runs of anything else one dash. */
  private static String anchor(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }

  /** {@code text} safe in HTML text and in double-quoted attribute values. */
  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
