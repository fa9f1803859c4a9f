package org.modelregistry.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modelregistry.adapter.http.ApiFixture.Reply;
import tools.jackson.databind.JsonNode;

/**
 * The API description as served: {@code /openapi.json} lists exactly the operations the server
 * registers, every {@code $ref} in it resolves and every schema compiles, the references' clashing
 * schemas are renamed, and {@code /docs} renders every operation as a self-contained page. Both
 * answer without a key when API keys are required.
 */
class OpenApiDocumentTest {

  private static ApiFixture api;

  @BeforeAll
  static void start() {
    api = ApiFixture.startAuthenticated(100, Duration.ofMinutes(1));
  }

  @AfterAll
  static void stop() {
    if (api != null) {
      api.close();
    }
  }

  @Test
  void givenRunningServer_servedDocument_listsExactlyTheRegisteredRoutes() {
    Set<String> registered = new TreeSet<>();
    for (var parsed : api.server().unsafe.internalRouter.allHttpHandlers()) {
      if (parsed.endpoint.method.isHttpMethod()) {
        // Javalin's <path> (the rest of the URL) is OpenAPI's {path}.
        String path = parsed.endpoint.path.replaceAll("<([^>]+)>", "{$1}");
        registered.add(parsed.endpoint.method.name() + " " + path);
      }
    }

    assertThat(documentedOperations(served())).isEqualTo(registered);
  }

  @Test
  void givenNoKey_openApiJson_answersTheMergedDocument() {
    Reply reply = api.get(OpenApiDocument.PATH);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).startsWith("application/json");
    JsonNode document = reply.json();
    assertThat(document.get("openapi").stringValue()).isEqualTo("3.1.0");
    assertThat(document.at("/info/title").stringValue()).isEqualTo("Model Registry");
    assertThat(document.at("/components/securitySchemes").propertyNames())
        .containsExactlyInAnyOrder("BearerAuth", "APIKeyHeader");
    assertThat(api.head(OpenApiDocument.PATH).status()).isEqualTo(200);
  }

  @Test
  void givenReferencesDefiningValidationErrorDifferently_merge_keepsBothUnderTwoNames() {
    JsonNode schemas = served().at("/components/schemas");

    assertThat(schemas.at("/ValidationError/properties").propertyNames())
        .containsExactlyInAnyOrder("loc", "msg", "type");
    assertThat(schemas.at("/WorkspaceValidationError/properties").propertyNames())
        .contains("input", "ctx");
    assertThat(
            schemas.at("/WorkspaceHTTPValidationError/properties/detail/items/$ref").stringValue())
        .isEqualTo("#/components/schemas/WorkspaceValidationError");
    assertThat(
            served()
                .at(
                    "/paths/~1apis~1files~1v2~1workspaces~1{workspace}~1filesets/post/responses/422"
                        + "/content/application~1json/schema/$ref")
                .stringValue())
        .isEqualTo("#/components/schemas/WorkspaceHTTPValidationError");
  }

  @Test
  void givenServedDocument_everyLocalRef_resolves() {
    List<String> dangling = new ArrayList<>();
    collectDangling(served(), served(), dangling);

    assertThat(dangling).isEmpty();
  }

  @Test
  void givenServedDocument_everyComponentSchema_compiles() {
    String iri = "https://model-registry.invalid/openapi.json";
    byte[] json = api.get(OpenApiDocument.PATH).bytes();
    SchemaRegistry registry =
        ReferenceSchemas.newRegistry(true, Map.of(iri, new String(json, StandardCharsets.UTF_8)));

    assertThat(served().at("/components/schemas").propertyNames())
        .allSatisfy(
            name ->
                registry
                    .getSchema(SchemaLocation.of(iri + "#/components/schemas/" + name))
                    .initializeValidators());
  }

  @Test
  void givenEveryOperation_responses_includeAuthenticationFailuresOutsidePublicPaths() {
    JsonNode paths = served().get("paths");

    paths
        .properties()
        .forEach(
            path ->
                OpenApiDocument.operations(path.getValue())
                    .forEach(
                        (method, operation) -> {
                          Set<String> statuses =
                              Set.copyOf(operation.get("responses").propertyNames());
                          boolean open = RouteAccess.PUBLIC_PATHS.contains(path.getKey());
                          assertThat(statuses.contains("401"))
                              .as(method + " " + path.getKey())
                              .isNotEqualTo(open);
                          assertThat(statuses).as(method + " " + path.getKey()).contains("500");
                        }));
  }

  @Test
  void givenNoKey_docs_answersAPageListingEveryOperation() {
    Reply reply = api.get(ApiDocsPage.PATH);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).startsWith("text/html");
    String page = reply.body();
    for (String operation : documentedOperations(served())) {
      String method = operation.substring(0, operation.indexOf(' '));
      String path = operation.substring(operation.indexOf(' ') + 1);
      String anchor = (method + " " + path).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
      assertThat(page).contains("id=\"" + anchor + "\"");
      assertThat(page).contains(">" + method + "</span><span class=\"path\">" + path + "<");
    }
    assertThat(api.head(ApiDocsPage.PATH).status()).isEqualTo(200);
  }

  @Test
  void givenDocsPage_render_loadsNothingFromElsewhere() {
    Reply reply = api.get(ApiDocsPage.PATH);
    String page = reply.body().toLowerCase(Locale.ROOT);

    assertThat(reply.header("Content-Security-Policy"))
        .isEqualTo(ApiDocsHandlers.CONTENT_SECURITY_POLICY);
    assertThat(page).doesNotContain("<script", "<link", "src=", "href=\"http", "@import", "url(");
  }

  @Test
  void givenMarkupInText_escape_neutralisesIt() {
    assertThat(ApiDocsPage.escape("<b a=\"x\">&'</b>"))
        .isEqualTo("&lt;b a=&quot;x&quot;&gt;&amp;&#39;&lt;/b&gt;");
  }

  @Test
  void givenDocumentText_docsPage_escapesIt() {
    JsonNode document =
        ApiFixture.json(
            """
            {"openapi": "3.1.0", "info": {"title": "<script>x</script>", "version": "1"},
             "paths": {"/a/{b}": {"get": {"summary": "<img src=x>", "tags": ["<t>"],
               "responses": {"200": {"description": "ok & fine"}}}}}}
            """);

    String page = ApiDocsPage.render(document);

    assertThat(page).doesNotContain("<script>x", "<img", "<t>");
    assertThat(page).contains("&lt;script&gt;x", "&lt;img src=x&gt;", "ok &amp; fine");
  }

  private static JsonNode served() {
    Reply reply = api.get(OpenApiDocument.PATH);
    assertThat(reply.status()).isEqualTo(200);
    return reply.json();
  }

  /** {@code METHOD /path} of every operation of the document. */
  private static Set<String> documentedOperations(JsonNode document) {
    Set<String> operations = new TreeSet<>();
    document
        .get("paths")
        .properties()
        .forEach(
            path ->
                OpenApiDocument.operations(path.getValue())
                    .keySet()
                    .forEach(
                        method ->
                            operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
    return operations;
  }

  private static void collectDangling(JsonNode document, JsonNode node, List<String> dangling) {
    JsonNode ref = node.get("$ref");
    if (node.isObject() && ref != null && ref.isString()) {
      String target = ref.stringValue();
      if (!target.startsWith("#/") || document.at(target.substring(1)).isMissingNode()) {
        dangling.add(target);
      }
    }
    node.values().forEach(child -> collectDangling(document, child, dangling));
  }
}
