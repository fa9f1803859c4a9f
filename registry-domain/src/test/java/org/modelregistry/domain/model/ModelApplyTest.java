package org.modelregistry.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.modelregistry.domain.error.Violation;
import org.modelregistry.domain.identity.Actor;
import org.modelregistry.domain.identity.IdentityType;
import org.modelregistry.domain.naming.ResourceName;
import org.modelregistry.domain.template.ModelType;
import org.modelregistry.domain.template.Template;

class ModelApplyTest {

  private static final Instant CREATED = Instant.parse("2025-12-01T10:00:00Z");
  private static final Actor CAROL = new Actor("carol", IdentityType.USER);

  private static final ModelPatch EMPTY =
      new ModelPatch(null, null, null, null, null, null, null, null, null, null, null, null);

  private static ModelPatch templateId(String id) {
    return new ModelPatch(null, null, null, null, null, null, null, null, null, id, null, null);
  }

  private static ModelPatch modelType(ModelType type) {
    return new ModelPatch(null, null, null, type, null, null, null, null, null, null, null, null);
  }

  private static ModelPatch parameters(Map<String, Object> parameters) {
    return new ModelPatch(
        null, null, null, null, null, null, parameters, null, null, null, null, null);
  }

  private final Template template =
      aTemplate()
          .withModelType(ModelType.COMPLETION)
          .withCreationParameter("weights", STR, true)
          .withCreationParameter("shards", INT, false)
          .withRequestParameter("temperature", FLOAT, false)
          .build();

  private final Model fromTemplate =
      aModel()
          .withId("m-1")
          .fromTemplate(template)
          .withDisplayName("Original")
          .withDescription("kept")
          .withModelVendor(ModelVendor.LAUNCH)
          .withBaseModelId("base-1")
          .withCreationParameter("weights", "s3://w")
          .withModelCard("# card")
          .withTrainingDataCard("# data")
          .withModelGroupId("g-1")
          .createdAt(CREATED)
          .createdBy(CAROL)
          .build();

  private final Model withoutTemplate =
      aModel().withId("m-2").withModelType(ModelType.COMPLETION).createdAt(CREATED).build();

  @Test
  void givenAnEmptyPatch_apply_keepsEveryValue() {
    var patched = fromTemplate.apply(EMPTY, Optional.of(template));

    assertThat(patched).isEqualTo(fromTemplate);
  }

  @Test
  void givenEveryPatchableField_apply_changesOnlyThose() {
    var metadata =
        new BaseModelMetadata(
            UiModelSectionType.OPENSOURCE,
            "dev",
            "https://license",
            "2025-01",
            new BaseModelDetails(8_000_000_000L, 8192L, 10L, 2L));
    var patch =
        new ModelPatch(
            new ResourceName("renamed"),
            "New display",
            ModelVendor.OTHER,
            null,
            "base-2",
            metadata,
            Map.of("weights", "s3://w2", "shards", 2),
            "# card 2",
            "# data 2",
            null,
            "g-2",
            "new description");

    var d = fromTemplate.apply(patch, Optional.of(template)).definition();

    assertThat(d.name()).isEqualTo(new ResourceName("renamed"));
    assertThat(d.displayName()).isEqualTo("New display");
    assertThat(d.modelVendor()).isEqualTo(ModelVendor.OTHER);
    assertThat(d.baseModelId()).isEqualTo("base-2");
    assertThat(d.baseModelMetadata()).isEqualTo(metadata);
    assertThat(d.modelCreationParameters())
        .containsOnly(Map.entry("weights", "s3://w2"), Map.entry("shards", 2));
    assertThat(d.modelCard()).isEqualTo("# card 2");
    assertThat(d.trainingDataCard()).isEqualTo("# data 2");
    assertThat(d.modelGroupId()).isEqualTo("g-2");
    assertThat(d.modelType()).isEqualTo(ModelType.COMPLETION);
    assertThat(d.modelTemplateId()).isEqualTo(template.id());
    assertThat(d.description()).isEqualTo("new description");
    assertThat(d.accountId()).isEqualTo(fromTemplate.accountId());
  }

  @Test
  void givenAPatchWithoutDescription_apply_keepsTheDescription() {
    var patch =
        new ModelPatch(null, "x", null, null, null, null, null, null, null, null, null, null);

    assertThat(fromTemplate.apply(patch, Optional.of(template)).definition().description())
        .isEqualTo("kept");
  }

  @Test
  void givenADescriptionOverTheLimit_apply_rejectsAtDescription() {
    var patch =
        new ModelPatch(
            null, null, null, null, null, null, null, null, null, null, null, "x".repeat(1001));

    assertThat(violationsOf(() -> fromTemplate.apply(patch, Optional.of(template))))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("string_too_long", "description"));
  }

  @Test
  void givenAPatch_apply_keepsIdCreationTimeAndCreator() {
    var patched =
        fromTemplate.apply(
            new ModelPatch(null, "x", null, null, null, null, null, null, null, null, null, null),
            Optional.of(template));

    assertThat(patched.id()).isEqualTo("m-1");
    assertThat(patched.createdAt()).isEqualTo(CREATED);
    assertThat(patched.createdBy()).isEqualTo(CAROL);
  }

  @Test
  void givenAPatch_apply_leavesTheOriginalModelUntouched() {
    var before = fromTemplate.definition();

    fromTemplate.apply(
        new ModelPatch(null, "x", null, null, null, null, null, null, null, null, null, null),
        Optional.of(template));

    assertThat(fromTemplate.definition()).isEqualTo(before);
    assertThat(fromTemplate.definition().displayName()).isEqualTo("Original");
  }

  @Test
  void givenAnotherTemplateId_apply_rejectsAtModelTemplateId() {
    assertThat(violationsOf(() -> fromTemplate.apply(templateId("t-other"), Optional.of(template))))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("value_error", "model_template_id"));
  }

  @Test
  void givenATemplateIdForAModelWithoutTemplate_apply_rejectsAtModelTemplateId() {
    assertThat(
            violationsOf(() -> withoutTemplate.apply(templateId(template.id()), Optional.empty())))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("value_error", "model_template_id"));
  }

  @Test
  void givenTheSameTemplateId_apply_accepts() {
    var patched = fromTemplate.apply(templateId(template.id()), Optional.of(template));

    assertThat(patched.definition().modelTemplateId()).isEqualTo(template.id());
  }

  @Test
  void givenAModelTypeOtherThanTheTemplates_apply_rejectsAtModelType() {
    assertThat(
            violationsOf(
                () -> fromTemplate.apply(modelType(ModelType.EMBEDDING), Optional.of(template))))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("value_error", "model_type"));
  }

  @Test
  void givenTheTemplatesModelType_apply_accepts() {
    assertThat(
            fromTemplate
                .apply(modelType(ModelType.COMPLETION), Optional.of(template))
                .definition()
                .modelType())
        .isEqualTo(ModelType.COMPLETION);
  }

  @Test
  void givenParametersThatBreakTheCreationSchema_apply_rejectsEachUnderModelCreationParameters() {
    assertThat(
            violationsOf(
                () ->
                    fromTemplate.apply(
                        parameters(Map.of("shards", "four")), Optional.of(template))))
        .extracting(Violation::path, Violation::type)
        .containsExactlyInAnyOrder(
            violation("missing", "model_creation_parameters", "weights"),
            violation("int_type", "model_creation_parameters", "shards"));
  }

  @Test
  void givenAnEmptyParameterMap_apply_clearsThemAndRechecksRequiredOnes() {
    assertThat(violationsOf(() -> fromTemplate.apply(parameters(Map.of()), Optional.of(template))))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("missing", "model_creation_parameters", "weights"));
  }

  @Test
  void givenParametersForAModelWithoutTemplate_apply_rejectsAtModelCreationParameters() {
    assertThat(
            violationsOf(() -> withoutTemplate.apply(parameters(Map.of("a", 1)), Optional.empty())))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("value_error", "model_creation_parameters"));
  }

  @Test
  void givenTheTemplateIsGone_apply_rejectsAtModelTemplateId() {
    assertThat(violationsOf(() -> fromTemplate.apply(EMPTY, Optional.empty())))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("value_error", "model_template_id"));
  }

  @Test
  void givenADisplayNameOverTheLimit_apply_rejectsAtDisplayName() {
    var patch =
        new ModelPatch(
            null, "x".repeat(256), null, null, null, null, null, null, null, null, null, null);

    assertThat(violationsOf(() -> fromTemplate.apply(patch, Optional.of(template))))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("string_too_long", "display_name"));
  }

  @Test
  void givenANewModelType_apply_recomputesBothSchemas() {
    var patched = withoutTemplate.apply(modelType(ModelType.RERANKING), Optional.empty());

    assertThat(patched.requestSchema())
        .isEqualTo(ModelSchemas.requestSchema(ModelType.RERANKING, Optional.empty()));
    assertThat(patched.responseSchema())
        .isEqualTo(ModelSchemas.responseSchema(ModelType.RERANKING));
    assertThat(patched.supportsMultiTurn()).isFalse();
  }

  @Test
  void givenAReconstitutedModelWithStaleSchemas_apply_recomputesThemFromTheTemplate() {
    var stale =
        Model.reconstitute(
            fromTemplate.id(),
            fromTemplate.definition(),
            Map.of("stale", true),
            Map.of("stale", true),
            fromTemplate.createdAt(),
            fromTemplate.createdBy());

    var patched = stale.apply(EMPTY, Optional.of(template));

    assertThat(patched.requestSchema())
        .isEqualTo(ModelSchemas.requestSchema(ModelType.COMPLETION, Optional.of(template)));
    assertThat(patched.responseSchema())
        .isEqualTo(ModelSchemas.responseSchema(ModelType.COMPLETION));
  }
}
