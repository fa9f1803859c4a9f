package org.modelregistry.adapter.http;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.modelregistry.domain.error.Violation;
import tools.jackson.databind.JsonNode;

/**
 * The request schemas of the public reference OpenAPI document, bundled as a classpath resource and
 * validated with draft 2020-12 semantics. Bodies are checked against them before the domain sees
 * them, so that the wire contract is the reference's, not a hand-made copy of it.
 */
final class ReferenceSchemas {

  /** The reference document, byte for byte as published. */
  static final String RESOURCE = "reference/templates-models.openapi.json";

  static final String MODEL_TEMPLATE_REQUEST = "ModelTemplateRequest";
  static final String MODEL_INSTANCE_REQUEST = "ModelInstanceRequest";
  static final String PARTIAL_MODEL_INSTANCE_REQUEST = "PartialModelInstanceRequest";

  /** The workspace models and filesets reference document, byte for byte as published. */
  static final String WORKSPACE_RESOURCE = "reference/workspace-models-filesets.openapi.json";

  /** The request schemas of the workspace models and filesets API family. */
  static final List<String> WORKSPACE_REQUESTS =
      List.of(
          "CreateModelEntityRequest",
          "UpdateModelEntityRequest",
          "CreateModelAdapterRequest",
          "UpdateAdapterRequest",
          "CreateFilesetRequest",
          "UpdateFilesetRequest");

  private final Map<String, Schema> schemas = new LinkedHashMap<>();

  /**
   * The template and model family's schemas, loaded once per class loader: compiled schemas are
   * immutable and safe to share between threads and servers.
   */
  static synchronized ReferenceSchemas shared() {
    if (shared == null) {
      shared =
          new ReferenceSchemas(
              RESOURCE,
              List.of(
                  MODEL_TEMPLATE_REQUEST, MODEL_INSTANCE_REQUEST, PARTIAL_MODEL_INSTANCE_REQUEST));
    }
    return shared;
  }

  /** The workspace models and filesets family's request schemas, loaded once per class loader. */
  static synchronized ReferenceSchemas workspace() {
    if (workspace == null) {
      workspace = new ReferenceSchemas(WORKSPACE_RESOURCE, WORKSPACE_REQUESTS);
    }
    return workspace;
  }

  private static ReferenceSchemas shared;
  private static ReferenceSchemas workspace;

  /** Loads and compiles every named request schema now, so a broken resource fails at startup. */
  private ReferenceSchemas(String resource, List<String> requestSchemas) {
    SchemaRegistry registry = newRegistry(false);
    for (String name : requestSchemas) {
      Schema schema =
          registry.getSchema(
              SchemaLocation.of("classpath:" + resource + "#/components/schemas/" + name));
      schema.initializeValidators();
      schemas.put(name, schema);
    }
  }

  /**
   * Every violation of {@code body} against the named component schema, located under {@code body};
   * empty when it conforms.
   */
  List<Violation> check(String schemaName, JsonNode body) {
    Schema schema = schemas.get(schemaName);
    if (schema == null) {
      throw new IllegalArgumentException("no request schema named " + schemaName);
    }
    return SchemaViolations.of(schemaName, schema.validate(body));
  }

  /** Where a component schema of the reference lives, addressed by JSON pointer. */
  static SchemaLocation location(String componentName) {
    return locationOfPointer("#/components/schemas/" + componentName);
  }

  /** Where a component schema of the workspace reference lives. */
  static SchemaLocation workspaceLocation(String componentName) {
    return SchemaLocation.of(
        "classpath:" + WORKSPACE_RESOURCE + "#/components/schemas/" + componentName);
  }

  /** Where a schema of the reference lives, given a local {@code $ref} such as {@code #/...}. */
  static SchemaLocation locationOfPointer(String localRef) {
    return SchemaLocation.of("classpath:" + RESOURCE + localRef);
  }

  /**
   * A registry for the reference's schemas. The OpenAPI-specific annotations it carries ({@code
   * can_patch}, {@code optional_in_request}, {@code discriminator}) are declared as non-validating
   * keywords: they say nothing about validity here and would otherwise be logged as unknown.
   *
   * @param assertFormats whether {@code format} (e.g. date-time) is checked, not just annotated
   */
  static SchemaRegistry newRegistry(boolean assertFormats) {
    return newRegistry(assertFormats, Map.of());
  }

  /**
   * A registry as {@link #newRegistry(boolean)} makes that also knows {@code documents}, JSON texts
   * by the IRI that {@code $ref}s and schema locations name them with (for example the merged
   * {@link OpenApiDocument}, which is no resource).
   */
  static SchemaRegistry newRegistry(boolean assertFormats, Map<String, String> documents) {
    Dialect dialect =
        Dialect.builder(Dialects.getDraft202012())
            .keyword(new NonValidationKeyword("can_patch"))
            .keyword(new NonValidationKeyword("optional_in_request"))
            .keyword(new NonValidationKeyword("discriminator"))
            .keyword(new NonValidationKeyword("nullable"))
            .build();
    SchemaRegistryConfig config =
        SchemaRegistryConfig.builder().formatAssertionsEnabled(assertFormats).build();
    return SchemaRegistry.withDefaultDialect(
        dialect, builder -> builder.schemaRegistryConfig(config).schemas(documents));
  }
}
