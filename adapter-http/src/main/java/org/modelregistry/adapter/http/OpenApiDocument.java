package org.modelregistry.adapter.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one OpenAPI 3.1 document of the whole server, served at {@code /openapi.json}: the two public
 * reference documents and the registry's own ({@value #RESOURCE}: the registration and admin
 * routes, and overlays) merged once at startup.
 *
 * <p>Merging unites the paths and {@code components.schemas}; a reference schema whose name an
 * earlier document already defines differently is renamed with its document's label (the workspace
 * reference's {@code ValidationError} becomes {@code WorkspaceValidationError}) and that document's
 * {@code $ref}s follow. The registry's {@code x-overlays} add the responses the server really gives
 * on reference operations that the references leave out; every operation outside {@link
 * RouteAccess#PUBLIC_PATHS} gets the 401 and 429 of authentication, every operation the 500 of a
 * bug, each in the error shape of its {@link ErrorFamily}; and every GET its HEAD twin, since the
 * server answers HEAD on each GET route.
 */
final class OpenApiDocument {

  /** The registry's own part of the document, with the overlays. */
  static final String RESOURCE = "openapi/registry.openapi.json";

  /** Where the document is served. */
  static final String PATH = "/openapi.json";

  static final List<String> METHODS =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private static final String SCHEMAS_REF = "#/components/schemas/";
  private static final String RESPONSES_REF = "#/components/responses/";
  private static final String OVERLAYS = "x-overlays";

  /** A reference document and the label that qualifies its clashing schema and tag names. */
  private record Source(String resource, String label) {}

  private static final List<Source> REFERENCES =
      List.of(
          new Source(ReferenceSchemas.RESOURCE, "Templates"),
          new Source(ReferenceSchemas.WORKSPACE_RESOURCE, "Workspace"));

  private static OpenApiDocument shared;

  private final ObjectNode document;
  private final byte[] json;

  private OpenApiDocument(ObjectNode document, byte[] json) {
    this.document = document;
    this.json = json;
  }

  /**
   * The document, merged once per class loader (it only depends on bundled resources).
   *
   * @throws IllegalStateException when a resource is missing or the documents do not merge
   */
  static synchronized OpenApiDocument shared() {
    if (shared == null) {
      shared = build(JsonMapper.builder().build());
    }
    return shared;
  }

  /** Merges the bundled documents with {@code mapper}. */
  static OpenApiDocument build(JsonMapper mapper) {
    ObjectNode own = read(mapper, RESOURCE);
    ObjectNode merged = mapper.createObjectNode();
    merged.put("openapi", own.path("openapi").stringValue("3.1.0"));
    merged.set("info", own.get("info").deepCopy());
    // Every operation takes a key either way, unless it says otherwise (the public ones).
    ArrayNode security = merged.putArray("security");
    own.path("components")
        .path("securitySchemes")
        .propertyNames()
        .forEach(scheme -> security.addObject().putArray(scheme));
    merged.putArray("tags");
    merged.putObject("paths");
    merged.putObject("components").putObject("schemas");

    for (Source source : REFERENCES) {
      mergeReference(merged, read(mapper, source.resource()), source.label());
    }
    mergeOwn(merged, own);

    ObjectNode paths = (ObjectNode) merged.get("paths");
    paths
        .properties()
        .forEach(path -> addCommonResponses(merged, path.getKey(), (ObjectNode) path.getValue()));
    paths.properties().forEach(path -> addHeadTwin(merged, (ObjectNode) path.getValue()));
    paths
        .values()
        .forEach(pathItem -> operations(pathItem).values().forEach(OpenApiDocument::sortResponses));
    return new OpenApiDocument(
        merged, mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(merged));
  }

  /**
   * Adds a reference's schemas (renamed where they clash), tags and operations to {@code merged}.
   */
  private static void mergeReference(ObjectNode merged, ObjectNode reference, String label) {
    ObjectNode schemas = (ObjectNode) merged.at("/components/schemas");
    Map<String, String> renamed = renamesFor(reference, schemas, label);
    rewriteRefs(reference, renamed);
    reference
        .path("components")
        .path("schemas")
        .properties()
        .forEach(e -> schemas.set(renamed.getOrDefault(e.getKey(), e.getKey()), e.getValue()));
    Map<String, String> tagNames = tagNamesFor(reference, (ArrayNode) merged.get("tags"), label);
    ObjectNode paths = (ObjectNode) merged.get("paths");
    reference
        .path("paths")
        .properties()
        .forEach(
            path -> addPath(paths, path.getKey(), (ObjectNode) path.getValue(), tagNames, true));
  }

  /**
   * Adds the registry's own tags, components and operations to {@code merged}, then its overlays.
   * Its component names are its own choice, so a clash with a reference is a mistake, not renamed.
   */
  private static void mergeOwn(ObjectNode merged, ObjectNode own) {
    ArrayNode tags = (ArrayNode) merged.get("tags");
    own.path("tags").values().forEach(tag -> tags.add(tag.deepCopy()));
    ObjectNode components = (ObjectNode) merged.get("components");
    own.path("components")
        .properties()
        .forEach(
            kind -> {
              ObjectNode target = components.withObjectProperty(kind.getKey());
              kind.getValue()
                  .properties()
                  .forEach(
                      named -> {
                        if (target.has(named.getKey())) {
                          throw new IllegalStateException(
                              RESOURCE + " redefines " + kind.getKey() + "." + named.getKey());
                        }
                        target.set(named.getKey(), named.getValue().deepCopy());
                      });
            });
    ObjectNode paths = (ObjectNode) merged.get("paths");
    own.path("paths")
        .properties()
        .forEach(
            path -> addPath(paths, path.getKey(), (ObjectNode) path.getValue(), Map.of(), false));
    applyOverlays(paths, own.path(OVERLAYS));
  }

  /** The merged document; callers must not change it. */
  ObjectNode tree() {
    return document;
  }

  /** The merged document as served, UTF-8 JSON. */
  byte[] json() {
    return json.clone();
  }

  /** Every operation of {@code pathItem}, by method. */
  static Map<String, ObjectNode> operations(JsonNode pathItem) {
    Map<String, ObjectNode> operations = new LinkedHashMap<>();
    for (String method : METHODS) {
      if (pathItem.get(method) instanceof ObjectNode operation) {
        operations.put(method, operation);
      }
    }
    return operations;
  }

  /**
   * {@code node} itself, or what its local {@code $ref} ({@code #/components/...}) points to in
   * {@code document}, followed until it is no reference.
   */
  static JsonNode resolve(JsonNode document, JsonNode node) {
    JsonNode current = node;
    for (int hops = 0; hops < 10 && current != null && current.has("$ref"); hops++) {
      String ref = current.get("$ref").stringValue();
      if (!ref.startsWith("#/")) {
        return current;
      }
      current = document.at(ref.substring(1));
    }
    return current;
  }

  private static ObjectNode read(JsonMapper mapper, String resource) {
    try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return (ObjectNode) mapper.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /**
   * The new names of the reference's schemas that clash with {@code existing}: a schema clashes
   * when the name is taken by a different definition, counting the renames themselves, since a
   * schema that refers to a renamed one differs from its namesake too.
   */
  private static Map<String, String> renamesFor(
      ObjectNode reference, ObjectNode existing, String label) {
    JsonNode schemas = reference.path("components").path("schemas");
    Map<String, String> renamed = new LinkedHashMap<>();
    boolean changed = true;
    while (changed) {
      changed = false;
      for (String name : schemas.propertyNames()) {
        if (renamed.containsKey(name) || !existing.has(name)) {
          continue;
        }
        JsonNode rewritten = schemas.get(name).deepCopy();
        rewriteRefs(rewritten, renamed);
        if (!rewritten.equals(existing.get(name))) {
          String newName = label + name;
          if (existing.has(newName) || schemas.has(newName)) {
            throw new IllegalStateException("cannot rename schema " + name + " to " + newName);
          }
          renamed.put(name, newName);
          changed = true;
        }
      }
    }
    return renamed;
  }

  /** Points every {@code $ref} to a renamed schema at its new name, in place. */
  private static void rewriteRefs(JsonNode node, Map<String, String> renamed) {
    if (renamed.isEmpty()) {
      return;
    }
    if (node instanceof ObjectNode object) {
      JsonNode ref = object.get("$ref");
      if (ref != null && ref.isString() && ref.stringValue().startsWith(SCHEMAS_REF)) {
        String name = ref.stringValue().substring(SCHEMAS_REF.length());
        if (renamed.containsKey(name)) {
          object.put("$ref", SCHEMAS_REF + renamed.get(name));
        }
      }
    }
    node.values().forEach(child -> rewriteRefs(child, renamed));
  }

  /**
   * The names the reference's tags take in the merged document: a tag an earlier document already
   * uses is qualified by the label, so that, for example, the two families' "Models" stay apart.
   */
  private static Map<String, String> tagNamesFor(
      ObjectNode reference, ArrayNode tags, String label) {
    Set<String> taken = new LinkedHashSet<>();
    tags.values().forEach(tag -> taken.add(tag.get("name").stringValue()));
    Map<String, String> names = new LinkedHashMap<>();
    for (JsonNode pathItem : reference.path("paths").values()) {
      for (ObjectNode operation : operations(pathItem).values()) {
        for (JsonNode tag : operation.path("tags").values()) {
          names.computeIfAbsent(
              tag.stringValue(),
              name -> {
                String merged = taken.contains(name) ? label + " " + name : name;
                tags.addObject().put("name", merged);
                return merged;
              });
        }
      }
    }
    return names;
  }

  /**
   * Adds the operations of {@code pathItem} under {@code path}, their tags renamed. A reference's
   * own {@code security} is dropped: the document's applies (both ways of presenting a key).
   */
  private static void addPath(
      ObjectNode paths,
      String path,
      ObjectNode pathItem,
      Map<String, String> tagNames,
      boolean reference) {
    ObjectNode target = paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
    pathItem
        .properties()
        .forEach(
            e -> {
              if (target.has(e.getKey())) {
                throw new IllegalStateException("two documents define " + e.getKey() + " " + path);
              }
              target.set(e.getKey(), e.getValue().deepCopy());
            });
    for (ObjectNode operation : operations(target).values()) {
      if (reference) {
        operation.remove("security");
      }
      if (operation.get("tags") instanceof ArrayNode tags) {
        ArrayNode renamed = operation.putArray("tags");
        tags.values()
            .forEach(t -> renamed.add(tagNames.getOrDefault(t.stringValue(), t.stringValue())));
      }
    }
  }

  /**
   * Adds each overlay's responses to its reference operation. An overlay never replaces a response
   * the reference documents, and names an operation that exists (a typo fails at startup).
   */
  private static void applyOverlays(ObjectNode paths, JsonNode overlays) {
    for (Map.Entry<String, JsonNode> path : overlays.properties()) {
      for (Map.Entry<String, JsonNode> overlay : path.getValue().properties()) {
        String operationName = overlay.getKey() + " " + path.getKey();
        if (!(paths.path(path.getKey()).get(overlay.getKey()) instanceof ObjectNode operation)) {
          throw new IllegalStateException("overlay of an unknown operation " + operationName);
        }
        ObjectNode responses = operation.withObjectProperty("responses");
        for (Map.Entry<String, JsonNode> status :
            overlay.getValue().path("responses").properties()) {
          if (responses.has(status.getKey())) {
            throw new IllegalStateException(
                "overlay replaces response " + status.getKey() + " of " + operationName);
          }
          responses.set(status.getKey(), status.getValue().deepCopy());
        }
      }
    }
  }

  /**
   * The HEAD of a GET that has none: the server answers HEAD with the GET's handler, so it takes
   * the same parameters and answers the same statuses and headers, without a body.
   */
  private static void addHeadTwin(ObjectNode document, ObjectNode pathItem) {
    if (!(pathItem.get("get") instanceof ObjectNode get) || pathItem.has("head")) {
      return;
    }
    ObjectNode head = get.deepCopy();
    head.remove("requestBody");
    if (head.has("operationId")) {
      head.put("operationId", head.get("operationId").stringValue() + "_head");
    }
    head.put("summary", get.path("summary").stringValue("") + " (headers only)");
    head.put("description", "Answers as GET does, without the body.");
    ObjectNode responses = head.putObject("responses");
    get.path("responses")
        .properties()
        .forEach(
            status -> {
              ObjectNode response = (ObjectNode) resolve(document, status.getValue()).deepCopy();
              response.remove("content");
              responses.set(status.getKey(), response);
            });
    pathItem.set("head", head);
  }

  /** Orders an operation's responses by status, the references' and the added ones alike. */
  private static void sortResponses(ObjectNode operation) {
    if (operation.get("responses") instanceof ObjectNode responses) {
      Map<String, JsonNode> sorted = new TreeMap<>();
      responses.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
      responses.removeAll();
      sorted.forEach(responses::set);
    }
  }

  /**
   * The responses every operation can give whatever it does: outside the public paths, the 401 and
   * 429 of authentication; everywhere, the 500 of a bug; each in the path's family's shape.
   */
  private static void addCommonResponses(ObjectNode document, String path, ObjectNode pathItem) {
    String prefix = ErrorFamily.of(path) == ErrorFamily.REGISTRATION ? "Registration" : "";
    Map<String, String> common = new LinkedHashMap<>();
    if (!RouteAccess.PUBLIC_PATHS.contains(path)) {
      common.put("401", prefix + "Unauthorized");
      common.put("429", prefix + "TooManyRequests");
    }
    common.put("500", prefix + "InternalError");
    operations(pathItem)
        .forEach(
            (method, operation) -> {
              ObjectNode responses = operation.withObjectProperty("responses");
              common.forEach(
                  (status, component) -> {
                    if (responses.has(status)) {
                      return;
                    }
                    ObjectNode ref = document.objectNode().put("$ref", RESPONSES_REF + component);
                    if (method.equals("head")) {
                      // HEAD answers carry no body, while the shared response describes one.
                      ObjectNode headersOnly = (ObjectNode) resolve(document, ref).deepCopy();
                      headersOnly.remove("content");
                      responses.set(status, headersOnly);
                    } else {
                      responses.set(status, ref);
                    }
                  });
            });
  }
}
