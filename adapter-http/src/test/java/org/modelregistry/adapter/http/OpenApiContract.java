package org.modelregistry.adapter.http;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks real responses against the served {@link OpenApiDocument}: the operation the request
 * addressed documents the response's status, and a JSON body validates (draft 2020-12, {@code
 * $ref}s resolved within the merged document) against the schema documented for it. Requests that
 * address no documented operation (an unknown path, another method) are not checked: the route
 * tests compare the document's operations with the server's routes.
 */
final class OpenApiContract {

  /** The system property naming a file to collect failures in instead of failing. */
  static final String REPORT_PROPERTY = "openapi.report";

  /** The IRI the merged document goes by inside the schema registry. */
  private static final String DOCUMENT_IRI = "https://model-registry.invalid/openapi.json";

  /** Where the copies of schemas inside paths go by. */
  private static final String INLINE_IRI = "https://model-registry.invalid/inline/";

  /**
   * The parameter that stands for the rest of the URL, slashes included, where the server's route
   * has Javalin's {@code <path>}; every other parameter is one segment.
   */
  private static final String REST_OF_PATH = "{path}";

  private static final Pattern PARAMETER = Pattern.compile("\\{[^}]+}");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static OpenApiContract shared;

  private final JsonNode document;
  private final List<Template> templates = new ArrayList<>();
  private final SchemaRegistry registry;
  private final Map<String, Schema> compiled = new ConcurrentHashMap<>();
  private final AtomicInteger inlined = new AtomicInteger();

  private OpenApiContract(byte[] json) {
    this.document = JSON.readTree(json);
    document.path("paths").propertyNames().forEach(path -> templates.add(Template.of(path)));
    this.registry =
        ReferenceSchemas.newRegistry(
            true, Map.of(DOCUMENT_IRI, new String(json, StandardCharsets.UTF_8)));
  }

  /** The contract of the document the server serves (the same bytes, built in this process). */
  static synchronized OpenApiContract shared() {
    if (shared == null) {
      shared = new OpenApiContract(OpenApiDocument.shared().json());
    }
    return shared;
  }

  /**
   * Throws an {@link AssertionError} naming the operation when the response breaks its contract;
   * when the system property {@value #REPORT_PROPERTY} names a file, appends the failure's first
   * line to it instead, so that one run of every test lists every mismatch (for example after
   * adding routes: {@code -DargLine=-Dopenapi.report=/tmp/mismatches.txt}).
   *
   * @param rawPath the request's path as sent, without the query
   */
  void check(String method, String rawPath, int status, HttpHeaders headers, byte[] body) {
    String report = System.getProperty(REPORT_PROPERTY);
    if (report == null) {
      checkOrThrow(method, rawPath, status, headers, body);
      return;
    }
    try {
      checkOrThrow(method, rawPath, status, headers, body);
    } catch (AssertionError e) {
      try {
        Files.writeString(
            Path.of(report),
            e.getMessage().lines().findFirst().orElse("") + System.lineSeparator(),
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      } catch (IOException io) {
        throw new UncheckedIOException(io);
      }
    }
  }

  /** Like {@link #check}, whatever {@value #REPORT_PROPERTY} says. */
  void checkOrThrow(String method, String rawPath, int status, HttpHeaders headers, byte[] body) {
    String verb = method.toLowerCase(Locale.ROOT);
    Optional<String> path = operationPath(verb, rawPath);
    if (path.isEmpty()) {
      return;
    }
    String where = method + " " + path.get() + " (" + rawPath + ") answered " + status;
    JsonNode responses = document.path("paths").path(path.get()).path(verb).path("responses");
    String statusKey = Integer.toString(status);
    if (!responses.has(statusKey)) {
      throw new AssertionError(
          where + ", a status the document does not list " + responses.propertyNames());
    }
    if (verb.equals("head") || body.length == 0) {
      return;
    }
    String pointer =
        pointerOf(
            responses.get(statusKey),
            "/paths/" + escape(path.get()) + "/" + verb + "/responses/" + statusKey);
    JsonNode content = document.at(pointer).path("content");
    String mediaType =
        headers
            .firstValue("Content-Type")
            .orElse("")
            .split(";", 2)[0]
            .strip()
            .toLowerCase(Locale.ROOT);
    if (!content.has(mediaType)) {
      throw new AssertionError(
          where + " with a " + mediaType + " body, documented as " + content.propertyNames());
    }
    if (!mediaType.equals("application/json") || !content.path(mediaType).has("schema")) {
      return;
    }
    String schemaPointer = pointer + "/content/" + escape(mediaType) + "/schema";
    List<Error> errors = schema(schemaPointer).validate(JSON.readTree(body));
    if (!errors.isEmpty()) {
      throw new AssertionError(
          where
              + ": the body does not match "
              + schemaPointer
              + ": "
              + errors
              + "\n"
              + new String(body, StandardCharsets.UTF_8));
    }
  }

  /**
   * The documented path that {@code rawPath} addresses with {@code method}: one whose parameters
   * each match a segment, else one whose last parameter, {@value #REST_OF_PATH}, matches the rest
   * of the path; of several, the one with the most literal text.
   */
  private Optional<String> operationPath(String method, String rawPath) {
    List<Template> withMethod =
        templates.stream().filter(t -> document.path("paths").path(t.path()).has(method)).toList();
    for (boolean rest : List.of(false, true)) {
      Optional<String> found =
          withMethod.stream()
              .filter(t -> (rest ? t.rest() : t.segments()).matcher(rawPath).matches())
              .max(Comparator.comparingInt(Template::literalLength))
              .map(Template::path);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** Where a response lives: its own place, or the component its {@code $ref} names. */
  private String pointerOf(JsonNode response, String pointer) {
    String current = pointer;
    JsonNode node = response;
    while (node.has("$ref")) {
      current = node.get("$ref").stringValue().substring(1);
      node = document.at(current);
    }
    return current;
  }

  /**
   * The compiled schema at {@code pointer} of the document. It is compiled as a copy whose local
   * {@code $ref}s name the document by its IRI, since a path's pointer holds characters ({@code
   * {}}) that a schema location cannot.
   */
  private Schema schema(String pointer) {
    return compiled.computeIfAbsent(
        pointer,
        p -> {
          JsonNode copy = document.at(p).deepCopy();
          absoluteRefs(copy);
          Schema schema =
              registry.getSchema(SchemaLocation.of(INLINE_IRI + inlined.incrementAndGet()), copy);
          schema.initializeValidators();
          return schema;
        });
  }

  private static void absoluteRefs(JsonNode node) {
    if (node instanceof ObjectNode object
        && object.get("$ref") instanceof JsonNode ref
        && ref.isString()
        && ref.stringValue().startsWith("#")) {
      object.put("$ref", DOCUMENT_IRI + ref.stringValue());
    }
    node.values().forEach(OpenApiContract::absoluteRefs);
  }

  /** A JSON pointer token. */
  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  /** A documented path, and the patterns of the request paths it stands for. */
  private record Template(String path, Pattern segments, Pattern rest, int literalLength) {

    static Template of(String path) {
      StringBuilder segments = new StringBuilder();
      StringBuilder rest = new StringBuilder();
      Matcher parameter = PARAMETER.matcher(path);
      int last = 0;
      int literal = 0;
      int count = 0;
      List<int[]> spans = new ArrayList<>();
      while (parameter.find()) {
        spans.add(new int[] {parameter.start(), parameter.end()});
        count++;
      }
      for (int i = 0; i < spans.size(); i++) {
        String text = Pattern.quote(path.substring(last, spans.get(i)[0]));
        literal += spans.get(i)[0] - last;
        segments.append(text).append("[^/]+");
        boolean lastOne =
            i == count - 1
                && spans.get(i)[1] == path.length()
                && path.substring(spans.get(i)[0]).equals(REST_OF_PATH);
        rest.append(text).append(lastOne ? ".+" : "[^/]+");
        last = spans.get(i)[1];
      }
      segments.append(Pattern.quote(path.substring(last)));
      rest.append(Pattern.quote(path.substring(last)));
      literal += path.length() - last;
      return new Template(
          path, Pattern.compile(segments.toString()), Pattern.compile(rest.toString()), literal);
    }
  }
}
