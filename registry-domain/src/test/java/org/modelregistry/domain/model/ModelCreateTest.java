package org.modelregistry.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modelregistry.domain.template.ParameterType.BOOL;
import static org.modelregistry.domain.template.ParameterType.FLOAT;
import static org.modelregistry.domain.template.ParameterType.INT;
import static org.modelregistry.domain.template.ParameterType.STR;
import static org.modelregistry.domain.testdata.TestModels.aModel;
import static org.modelregistry.domain.testdata.TestTemplates.aTemplate;
import static org.modelregistry.domain.testdata.TestViolations.violation;
import static org.modelregistry.domain.testdata.TestViolations.violationsOf;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.modelregistry.domain.error.Violation;
import org.modelregistry.domain.identity.Actor;
import org.modelregistry.domain.identity.IdentityType;
import org.modelregistry.domain.template.ModelType;
import org.modelregistry.domain.template.Template;
import org.modelregistry.domain.testdata.TestTemplates;

class ModelCreateTest {

  private static final Instant NOW = Instant.parse("2026-05-06T07:08:09.123456Z");
  private static final Actor BOB = new Actor("bob", IdentityType.SERVICE_ACCOUNT);

  private static Model create(ModelDefinition definition, Optional<Template> template) {
    return Model.create("m-1", definition, template, BOB, NOW);
  }

  @Test
  void givenNoTemplate_create_stampsIdTimeAndCreatorAndDerivesSchemas() {
    var definition = aModel().withModelType(ModelType.EMBEDDING).definition();

    var model = create(definition, Optional.empty());

    assertThat(model.id()).isEqualTo("m-1");
    assertThat(model.definition()).isEqualTo(definition);
    assertThat(model.accountId()).isEqualTo(definition.accountId());
    assertThat(model.createdAt()).isEqualTo(NOW);
    assertThat(model.createdBy()).isEqualTo(BOB);
    assertThat(model.requestSchema())
        .isEqualTo(ModelSchemas.requestSchema(ModelType.EMBEDDING, Optional.empty()));
    assertThat(model.responseSchema()).isEqualTo(ModelSchemas.responseSchema(ModelType.EMBEDDING));
  }

  @Test
  void givenAnyModel_deploymentCount_isZero() {
    assertThat(aModel().build().deploymentCount()).isZero();
  }

  @ParameterizedTest
  @EnumSource(ModelType.class)
  void givenAModelType_supportsMultiTurn_followsTheType(ModelType type) {
    var model = aModel().withModelType(type).build();

    assertThat(model.supportsMultiTurn()).isEqualTo(type.supportsMultiTurn());
  }

  @Test
  void givenCreationParametersButNoTemplate_create_rejectsAtModelCreationParameters() {
    var definition = aModel().withCreationParameter("weights", "s3://w").definition();

    assertThat(violationsOf(() -> create(definition, Optional.empty())))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("value_error", "model_creation_parameters"));
  }

  @Test
  void givenAnEmptyParameterMapAndNoTemplate_create_accepts() {
    var base = aModel().definition();
    var definition =
        new ModelDefinition(
            base.accountId(),
            base.name(),
            null,
            null,
            null,
            base.modelType(),
            null,
            null,
            Map.of(),
            null,
            null,
            null,
            null);

    assertThat(create(definition, Optional.empty()).definition().modelCreationParameters())
        .isNull();
  }

  @Test
  void givenATemplateIdThatWasNotFound_create_rejectsAtModelTemplateId() {
    var template = aTemplate().build();
    var definition = aModel().fromTemplate(template).definition();

    var violations = violationsOf(() -> create(definition, Optional.empty()));

    assertThat(violations)
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("value_error", "model_template_id"));
    assertThat(violations.get(0).message()).contains(template.id()).contains(template.accountId());
  }

  @Test
  void givenATemplateOfAnotherAccount_create_rejectsAtModelTemplateId() {
    var template = aTemplate().withAccountId("acct-other").build();
    var definition = aModel().fromTemplate(template).withAccountId("acct-mine").definition();

    assertThat(violationsOf(() -> create(definition, Optional.of(template))))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("value_error", "model_template_id"));
  }

  @Test
  void givenATemplateWithAnotherIdThanTheOneNamed_create_rejectsAtModelTemplateId() {
    var named = aTemplate().withId("t-named").build();
    var other = aTemplate().withId("t-other").build();
    var definition = aModel().fromTemplate(named).definition();

    assertThat(violationsOf(() -> create(definition, Optional.of(other))))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("value_error", "model_template_id"));
  }

  @Test
  void givenAModelTypeOtherThanTheTemplates_create_rejectsAtModelType() {
    var template = aTemplate().withModelType(ModelType.COMPLETION).build();
    var definition =
        aModel().fromTemplate(template).withModelType(ModelType.EMBEDDING).definition();

    assertThat(violationsOf(() -> create(definition, Optional.of(template))))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("value_error", "model_type"));
  }

  @Test
  void givenParametersThatFitTheTemplate_create_keepsThem() {
    var template =
        aTemplate()
            .withCreationParameter("weights", STR, true)
            .withCreationParameter("shards", INT, false)
            .build();
    var definition =
        aModel()
            .fromTemplate(template)
            .withCreationParameter("weights", "s3://w")
            .withCreationParameter("shards", 4)
            .definition();

    var model = create(definition, Optional.of(template));

    assertThat(model.definition().modelCreationParameters())
        .containsExactly(Map.entry("weights", "s3://w"), Map.entry("shards", 4));
    assertThat(model.definition().modelTemplateId()).isEqualTo(template.id());
  }

  @Test
  void givenATemplateWithRequiredParametersAndNoneGiven_create_reportsEachMissing() {
    var template =
        aTemplate()
            .withCreationParameter("weights", STR, true)
            .withCreationParameter("lr", FLOAT, true)
            .build();
    var definition = aModel().fromTemplate(template).definition();

    assertThat(violationsOf(() -> create(definition, Optional.of(template))))
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("missing", "model_creation_parameters", "weights"),
            violation("missing", "model_creation_parameters", "lr"));
  }

  @Test
  void givenParametersThatBreakTheCreationSchema_create_reportsEachUnderModelCreationParameters() {
    var template =
        aTemplate()
            .withCreationParameter("weights", STR, true)
            .withCreationParameter("shards", INT, true)
            .withCreationParameter("quantize", BOOL, false)
            .build();
    var definition =
        aModel()
            .fromTemplate(template)
            .withCreationParameter("shards", 1.5)
            .withCreationParameter("quantize", "yes")
            .withCreationParameter("unknown", 1)
            .definition();

    assertThat(violationsOf(() -> create(definition, Optional.of(template))))
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("missing", "model_creation_parameters", "weights"),
            violation("int_type", "model_creation_parameters", "shards"),
            violation("bool_type", "model_creation_parameters", "quantize"),
            violation("extra_forbidden", "model_creation_parameters", "unknown"));
  }

  @Test
  void givenATemplateWithoutCreationSchema_create_rejectsEveryParameterAsExtra() {
    var template = aTemplate().build();
    var definition = aModel().fromTemplate(template).withCreationParameter("x", 1).definition();

    assertThat(violationsOf(() -> create(definition, Optional.of(template))))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("extra_forbidden", "model_creation_parameters", "x"));
  }

  @Test
  void givenAWrongModelTypeAndBadParameters_create_reportsEverythingTogether() {
    var template =
        aTemplate()
            .withModelType(ModelType.CHAT_COMPLETION)
            .withCreationParameter("weights", STR, true)
            .build();
    var definition =
        aModel()
            .fromTemplate(template)
            .withModelType(ModelType.AGENT)
            .withCreationParameter("weights", 7)
            .definition();

    assertThat(violationsOf(() -> create(definition, Optional.of(template))))
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("value_error", "model_type"),
            violation("string_type", "model_creation_parameters", "weights"));
  }

  @Test
  void givenATemplateWithRequestParameters_create_putsThemInTheRequestSchema() {
    var template = aTemplate().withRequestParameter("temperature", FLOAT, false).build();

    var model = create(aModel().fromTemplate(template).definition(), Optional.of(template));

    assertThat(model.requestSchema())
        .isEqualTo(ModelSchemas.requestSchema(template.modelType(), Optional.of(template)));
    assertThat(model.requestSchema().toString()).contains("temperature");
  }

  @Test
  void givenStoredSchemas_reconstitute_keepsThemAsStored() {
    Map<String, Object> storedRequest = Map.of("type", "object", "legacy", true);
    Map<String, Object> storedResponse = Map.of("type", "object");
    var definition = aModel().definition();

    var model =
        Model.reconstitute(
            "m-9", definition, storedRequest, storedResponse, NOW, TestTemplates.ALICE);

    assertThat(model.requestSchema()).isEqualTo(storedRequest);
    assertThat(model.responseSchema()).isEqualTo(storedResponse);
    assertThat(model.createdBy()).isEqualTo(TestTemplates.ALICE);
  }

  @Test
  void givenTheSameState_reconstitute_equalsTheCreatedModel() {
    var created = aModel().build();

    var reconstituted =
        Model.reconstitute(
            created.id(),
            created.definition(),
            created.requestSchema(),
            created.responseSchema(),
            created.createdAt(),
            created.createdBy());

    assertThat(reconstituted).isEqualTo(created).hasSameHashCodeAs(created);
  }
}
