package org.modelregistry.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.modelregistry.domain.error.Violation;
import tools.jackson.databind.json.JsonMapper;

/**
 * The workspace models and filesets reference loads as published, and its request schemas check
 * bodies: groundwork for that API family's routes.
 */
class WorkspaceSchemasTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final ReferenceSchemas schemas = ReferenceSchemas.workspace();

  private List<Violation> check(String schema, String body) {
    return schemas.check(schema, JSON.readTree(body));
  }

  @Test
  void givenTheReference_everyRequestSchema_compilesAndRefusesANonObject() {
    for (String name : ReferenceSchemas.WORKSPACE_REQUESTS) {
      assertThat(check(name, "[1, 2]")).as(name).isNotEmpty();
    }
  }

  @Test
  void givenAValidModelEntity_check_findsNothing() {
    assertThat(
            check(
                "CreateModelEntityRequest",
                """
                {"name": "llama-3-8b", "description": "base model", "project": "team/llm",
                 "fileset": "default/llama-3-8b"}
                """))
        .isEmpty();
  }

  @Test
  void givenPromptCustomFieldsAndOwnership_check_acceptsThemAndBoundsTheInferenceParams() {
    String valid =
        """
        {"name": "m", "custom_fields": {"a": [1, {"b": null}]}, "ownership": {"team": "nlp"},
         "prompt": {"system_prompt": "s", "inference_params": {"temperature": 0.5, "x": 1}}}
        """;

    assertThat(check("CreateModelEntityRequest", valid)).isEmpty();
    assertThat(check("UpdateModelEntityRequest", valid.replace("\"name\": \"m\", ", ""))).isEmpty();
    assertThat(
            check(
                "UpdateModelEntityRequest",
                "{\"prompt\": {\"inference_params\": {\"temperature\": 3}}}"))
        .extracting(Violation::path)
        .anySatisfy(path -> assertThat(path).contains("temperature"));
  }

  @Test
  void givenWrongTypes_check_namesEveryField() {
    List<Violation> violations =
        check("CreateModelEntityRequest", "{\"name\": 7, \"description\": [\"x\"]}");

    assertThat(violations)
        .extracting(Violation::path)
        .anySatisfy(path -> assertThat(path).contains("name"))
        .anySatisfy(path -> assertThat(path).contains("description"));
  }

  @Test
  void givenAFilesetWithoutAName_check_reportsTheMissingField() {
    List<Violation> violations = check("CreateFilesetRequest", "{\"description\": \"d\"}");

    assertThat(violations).isNotEmpty();
  }
}
