package org.modelregistry.domain.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modelregistry.domain.testdata.TestViolations.violation;
import static org.modelregistry.domain.testdata.TestViolations.violationsOf;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.modelregistry.domain.error.Violation;
import org.modelregistry.domain.model.BaseModelDetails;
import org.modelregistry.domain.model.BaseModelMetadata;
import org.modelregistry.domain.model.ModelDefinition;
import org.modelregistry.domain.model.ModelPatch;
import org.modelregistry.domain.model.ModelVendor;
import org.modelregistry.domain.model.UiModelSectionType;
import org.modelregistry.domain.naming.ResourceName;
import org.modelregistry.domain.template.ModelType;
import org.modelregistry.domain.testdata.TestModels;
import org.modelregistry.domain.testdata.TestTemplates;

class ModelDocumentsTest {

  private static Map<String, Object> doc(Object... keysAndValues) {
    var document = new LinkedHashMap<String, Object>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      document.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return document;
  }

  private static Map<String, Object> validDocument() {
    return doc("account_id", "acct-1", "name", "my-model", "model_type", "EMBEDDING");
  }

  private static final BaseModelMetadata METADATA =
      new BaseModelMetadata(
          UiModelSectionType.PARTNER,
          "Example Labs",
          "https://example.com/license",
          "2025-06-01",
          new BaseModelDetails(70_000_000_000L, 128_000L, 30L, 3L));

  private static ModelDefinition fullDefinition() {
    var parameters = new LinkedHashMap<String, Object>();
    parameters.put("weights", "s3://bucket/w");
    parameters.put("shards", 4);
    parameters.put("lr", 0.0001);
    parameters.put("quantize", true);
    parameters.put("layers", List.of(1, 2, 3));
    parameters.put("extra", Map.of("nested", "yes"));
    return new ModelDefinition(
        "acct-1",
        new ResourceName("full-model.v2"),
        "Full model",
        "every field set",
        ModelVendor.ANTHROPIC,
        ModelType.CHAT_COMPLETION,
        "base-7",
        METADATA,
        parameters,
        "# model card",
        "# training data",
        "tmpl-1",
        "group-1");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value) {
    return (Map<String, Object>) value;
  }

  // --- round trips

  @Test
  void givenAMinimalDefinition_writeThenRead_returnsAnEqualDefinition() {
    var definition = TestModels.aModel().definition();

    assertThat(ModelDocuments.read(ModelDocuments.write(definition))).isEqualTo(definition);
  }

  @Test
  void givenADefinitionWithEveryField_writeThenRead_returnsAnEqualDefinition() {
    var definition = fullDefinition();

    assertThat(ModelDocuments.read(ModelDocuments.write(definition))).isEqualTo(definition);
  }

  @Test
  void givenCreationParameters_writeThenRead_keepsTheirOrder() {
    var read = ModelDocuments.read(ModelDocuments.write(fullDefinition()));

    assertThat(read.modelCreationParameters().keySet())
        .containsExactly("weights", "shards", "lr", "quantize", "layers", "extra");
  }

  @ParameterizedTest
  @EnumSource(ModelVendor.class)
  void givenAnyVendor_writeThenRead_keepsIt(ModelVendor vendor) {
    var definition = TestModels.aModel().withModelVendor(vendor).definition();

    assertThat(ModelDocuments.read(ModelDocuments.write(definition)).modelVendor())
        .isEqualTo(vendor);
  }

  @Test
  void givenMetadata_writeThenReadBaseModelMetadata_returnsEqualMetadata() {
    assertThat(
            ModelDocuments.readBaseModelMetadata(ModelDocuments.writeBaseModelMetadata(METADATA)))
        .isEqualTo(METADATA);
  }

  @Test
  void givenEmptyMetadata_writeThenReadBaseModelMetadata_returnsEqualMetadata() {
    var empty =
        new BaseModelMetadata(null, null, null, null, new BaseModelDetails(null, null, null, null));

    assertThat(ModelDocuments.writeBaseModelMetadata(empty))
        .isEqualTo(Map.of("modelDetails", Map.of()));
    assertThat(ModelDocuments.readBaseModelMetadata(ModelDocuments.writeBaseModelMetadata(empty)))
        .isEqualTo(empty);
  }

  // --- writing

  @Test
  void givenAMinimalDefinition_write_leavesOutAbsentFields() {
    var definition = TestModels.aModel().withName("m1").definition();

    assertThat(ModelDocuments.write(definition))
        .isEqualTo(
            Map.of("name", "m1", "model_type", "COMPLETION", "account_id", TestTemplates.ACCOUNT));
  }

  @Test
  void givenEveryField_write_usesTheApiFieldNames() {
    var document = ModelDocuments.write(fullDefinition());

    assertThat(document)
        .containsOnlyKeys(
            "name",
            "display_name",
            "description",
            "model_vendor",
            "model_type",
            "base_model_id",
            "base_model_metadata",
            "model_creation_parameters",
            "model_card",
            "training_data_card",
            "model_template_id",
            "model_group_id",
            "account_id")
        .containsEntry("model_vendor", "ANTHROPIC")
        .containsEntry("model_type", "CHAT_COMPLETION");
  }

  @Test
  void givenMetadata_write_usesTheReferenceApiSpellingModelDetails() {
    var document = ModelDocuments.writeBaseModelMetadata(METADATA);

    assertThat(document)
        .isEqualTo(
            Map.of(
                "ui_model_section_type", "PARTNER",
                "model_developer", "Example Labs",
                "model_license_url", "https://example.com/license",
                "delivery_date", "2025-06-01",
                "modelDetails",
                    Map.of(
                        "number_of_parameters", 70_000_000_000L,
                        "token_context_window", 128_000L,
                        "languages", 30L,
                        "alignments", 3L)));
  }

  // --- reading valid documents

  @Test
  void givenOnlyTheRequiredFields_read_leavesTheRestAbsent() {
    var definition = ModelDocuments.read(validDocument());

    assertThat(definition.accountId()).isEqualTo("acct-1");
    assertThat(definition.name()).isEqualTo(new ResourceName("my-model"));
    assertThat(definition.modelType()).isEqualTo(ModelType.EMBEDDING);
    assertThat(definition.displayName()).isNull();
    assertThat(definition.modelCreationParameters()).isNull();
    assertThat(definition.modelTemplateId()).isNull();
  }

  @Test
  void givenAnEmptyParameterObject_read_treatsItAsNone() {
    var document = validDocument();
    document.put("model_creation_parameters", Map.of());

    assertThat(ModelDocuments.read(document).modelCreationParameters()).isNull();
  }

  @Test
  void givenIntegerDetailsAsInts_read_widensThemToLongs() {
    var document = validDocument();
    document.put("base_model_metadata", doc("modelDetails", doc("languages", 12)));

    assertThat(ModelDocuments.read(document).baseModelMetadata().modelDetails().languages())
        .isEqualTo(12L);
  }

  // --- reading invalid documents

  @Test
  void givenAnEmptyDocument_read_reportsEveryRequiredFieldMissing() {
    assertThat(violationsOf(() -> ModelDocuments.read(Map.of())))
        .extracting(Violation::path, Violation::type)
        .contains(
            violation("missing", "account_id"),
            violation("missing", "name"),
            violation("missing", "model_type"));
  }

  @Test
  void givenAnEmptyDocument_read_reportsEachMissingFieldExactlyOnce() {
    assertThat(violationsOf(() -> ModelDocuments.read(Map.of())))
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("missing", "account_id"),
            violation("missing", "name"),
            violation("missing", "model_type"));
  }

  @Test
  void givenProblemsAtEveryLevel_read_reportsAllOfThemWithFullPaths() {
    var document =
        doc(
            "account_id",
            " ",
            "name",
            "my model",
            "display_name",
            "x".repeat(256),
            "description",
            5,
            "model_vendor",
            "ACME",
            "model_type",
            "COMPLETION",
            "base_model_metadata",
            doc(
                "ui_model_section_type",
                "PRIVATE",
                "model_developer",
                false,
                "modelDetails",
                doc("languages", "many", "alignments", 1.5)),
            "model_creation_parameters",
            "weights=s3://w",
            "model_card",
            "x".repeat(100_001),
            "model_template_id",
            17);

    assertThat(violationsOf(() -> ModelDocuments.read(document)))
        .extracting(Violation::path, Violation::type)
        .containsExactlyInAnyOrder(
            violation("string_pattern_mismatch", "name"),
            violation("enum", "model_vendor"),
            violation("enum", "base_model_metadata", "ui_model_section_type"),
            violation("string_type", "base_model_metadata", "model_developer"),
            violation("int_type", "base_model_metadata", "modelDetails", "languages"),
            violation("int_type", "base_model_metadata", "modelDetails", "alignments"),
            violation("dict_type", "model_creation_parameters"),
            violation("string_type", "model_template_id"),
            violation("string_type", "description"),
            violation("string_too_short", "account_id"),
            violation("string_too_long", "display_name"),
            violation("string_too_long", "model_card"));
  }

  @Test
  void givenAnUnknownModelType_read_reportsEnumAtModelTypeOnce() {
    var document = validDocument();
    document.put("model_type", "embedding");

    assertThat(violationsOf(() -> ModelDocuments.read(document)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("enum", "model_type"));
  }

  @Test
  void givenMetadataOfTheWrongShape_readBaseModelMetadata_reportsEachField() {
    assertThat(
            violationsOf(
                () ->
                    ModelDocuments.readBaseModelMetadata(
                        doc("delivery_date", 2025, "modelDetails", List.of()))))
        .extracting(Violation::path, Violation::type)
        .containsExactlyInAnyOrder(
            violation("dict_type", "modelDetails"), violation("string_type", "delivery_date"));
  }

  // --- patches

  @Test
  void givenAnEmptyPatch_readPatch_changesNothing() {
    assertThat(ModelDocuments.readPatch(Map.of()))
        .isEqualTo(
            new ModelPatch(null, null, null, null, null, null, null, null, null, null, null, null));
  }

  @Test
  void givenADescriptionOfTheWrongType_readPatch_reportsStringType() {
    assertThat(violationsOf(() -> ModelDocuments.readPatch(doc("description", 5))))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("string_type", "description"));
  }

  @Test
  void givenEveryPatchableField_readPatch_readsEachOne() {
    var patch =
        ModelDocuments.readPatch(
            doc(
                "name", "renamed",
                "display_name", "Renamed",
                "model_vendor", "OPENAI",
                "model_type", "AGENT",
                "base_model_id", "b",
                "base_model_metadata", doc("model_developer", "dev"),
                "model_creation_parameters", doc("a", 1),
                "model_card", "c",
                "training_data_card", "t",
                "model_template_id", "tmpl",
                "model_group_id", "g",
                "description", "d"));

    assertThat(patch)
        .isEqualTo(
            new ModelPatch(
                new ResourceName("renamed"),
                "Renamed",
                ModelVendor.OPENAI,
                ModelType.AGENT,
                "b",
                new BaseModelMetadata(null, "dev", null, null, null),
                Map.of("a", 1),
                "c",
                "t",
                "tmpl",
                "g",
                "d"));
  }

  @Test
  void givenFieldsThatCannotBePatched_readPatch_reportsEachAsExtraForbidden() {
    var body = doc("account_id", "acct-2", "name", "ok", "id", "m-1", "created_at", "now");

    assertThat(violationsOf(() -> ModelDocuments.readPatch(body)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("extra_forbidden", "account_id"),
            violation("extra_forbidden", "created_at"),
            violation("extra_forbidden", "id"));
  }

  @Test
  void givenInvalidValues_readPatch_reportsAllOfThem() {
    var body =
        doc(
            "name",
            "bad name",
            "model_type",
            "SPEECH",
            "display_name",
            3,
            "base_model_metadata",
            doc("modelDetails", doc("languages", "x")),
            "unknown",
            true);

    assertThat(violationsOf(() -> ModelDocuments.readPatch(body)))
        .extracting(Violation::path, Violation::type)
        .containsExactlyInAnyOrder(
            violation("extra_forbidden", "unknown"),
            violation("enum", "model_type"),
            violation("string_pattern_mismatch", "name"),
            violation("string_type", "display_name"),
            violation("int_type", "base_model_metadata", "modelDetails", "languages"));
  }

  @Test
  void givenADescription_readPatch_acceptsIt() {
    var patch = ModelDocuments.readPatch(doc("description", "new description"));

    assertThat(patch.description()).isEqualTo("new description");
  }
}
