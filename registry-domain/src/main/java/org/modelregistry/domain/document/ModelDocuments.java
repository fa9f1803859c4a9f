package org.modelregistry.domain.document;

import java.util.Map;
import java.util.Set;
import org.modelregistry.domain.error.Violations;
import org.modelregistry.domain.model.BaseModelDetails;
import org.modelregistry.domain.model.BaseModelMetadata;
import org.modelregistry.domain.model.ModelDefinition;
import org.modelregistry.domain.model.ModelPatch;
import org.modelregistry.domain.model.ModelVendor;
import org.modelregistry.domain.model.UiModelSectionType;
import org.modelregistry.domain.naming.ResourceName;
import org.modelregistry.domain.template.ModelType;

/**
 * The document form of models: plain maps with the snake_case field names of the model API. Readers
 * report every violation at once, each at its path from the document root.
 */
public final class ModelDocuments {

  /** The fields a partial update may carry; the account is not among them. */
  private static final Set<String> PATCHABLE =
      Set.of(
          "name",
          "display_name",
          "model_vendor",
          "model_type",
          "base_model_id",
          "base_model_metadata",
          "model_creation_parameters",
          "model_card",
          "training_data_card",
          "description",
          "model_template_id",
          "model_group_id");

  private ModelDocuments() {}

  /**
   * Reads a model definition from a create request body.
   *
   * @throws org.modelregistry.domain.error.ValidationException listing every violation
   */
  public static ModelDefinition read(Map<String, Object> body) {
    var violations = Violations.collect();
    var r = new DocumentReader(body, violations);
    String accountId = r.requiredString("account_id");
    String name = r.requiredString("name");
    ModelType modelType =
        r.requiredEnum("model_type", Wire.byName(ModelType.class), Wire.names(ModelType.class));
    Fields fields = readFields(r, name);
    ModelDefinition definition =
        violations.attempt(
            () ->
                new ModelDefinition(
                    accountId,
                    fields.name,
                    fields.displayName,
                    r.string("description"),
                    fields.vendor,
                    modelType,
                    fields.baseModelId,
                    fields.metadata,
                    fields.creationParameters,
                    fields.modelCard,
                    fields.trainingDataCard,
                    fields.templateId,
                    fields.groupId));
    violations.throwIfAny();
    return definition;
  }

  /**
   * Reads a partial update; absent fields stay unchanged.
   *
   * @throws org.modelregistry.domain.error.ValidationException listing every violation, including
   *     fields that cannot be patched
   */
  public static ModelPatch readPatch(Map<String, Object> body) {
    body = body == null ? Map.of() : body;
    var violations = Violations.collect();
    var r = new DocumentReader(body, violations);
    body.keySet().stream()
        .filter(key -> !PATCHABLE.contains(key))
        .sorted()
        .forEach(key -> violations.add("extra_forbidden", key + " cannot be patched", key));
    ModelType modelType =
        r.enumValue("model_type", Wire.byName(ModelType.class), Wire.names(ModelType.class));
    Fields fields = readFields(r, r.string("name"));
    String description = r.string("description");
    violations.throwIfAny();
    return new ModelPatch(
        fields.name,
        fields.displayName,
        fields.vendor,
        modelType,
        fields.baseModelId,
        fields.metadata,
        fields.creationParameters,
        fields.modelCard,
        fields.trainingDataCard,
        fields.templateId,
        fields.groupId,
        description);
  }

  /** The document form of a definition, as a create request would carry it. */
  public static Map<String, Object> write(ModelDefinition definition) {
    return new DocumentWriter()
        .put("name", definition.name().value())
        .put("display_name", definition.displayName())
        .put("description", definition.description())
        .put("model_vendor", Wire.name(definition.modelVendor()))
        .put("model_type", Wire.name(definition.modelType()))
        .put("base_model_id", definition.baseModelId())
        .put(
            "base_model_metadata",
            definition.baseModelMetadata(),
            ModelDocuments::writeBaseModelMetadata)
        .put("model_creation_parameters", definition.modelCreationParameters())
        .put("model_card", definition.modelCard())
        .put("training_data_card", definition.trainingDataCard())
        .put("model_template_id", definition.modelTemplateId())
        .put("model_group_id", definition.modelGroupId())
        .put("account_id", definition.accountId())
        .build();
  }

  /**
   * Reads base model metadata.
   *
   * @throws org.modelregistry.domain.error.ValidationException listing every violation
   */
  public static BaseModelMetadata readBaseModelMetadata(Map<String, Object> document) {
    var violations = Violations.collect();
    BaseModelMetadata result = readBaseModelMetadata(document, violations);
    violations.throwIfAny();
    return result;
  }

  public static Map<String, Object> writeBaseModelMetadata(BaseModelMetadata metadata) {
    BaseModelDetails details = metadata.modelDetails();
    return new DocumentWriter()
        .put("ui_model_section_type", Wire.name(metadata.uiModelSectionType()))
        .put("model_developer", metadata.modelDeveloper())
        .put("model_license_url", metadata.modelLicenseUrl())
        .put("delivery_date", metadata.deliveryDate())
        .put(
            "modelDetails",
            details == null
                ? null
                : new DocumentWriter()
                    .put("number_of_parameters", details.numberOfParameters())
                    .put("token_context_window", details.tokenContextWindow())
                    .put("languages", details.languages())
                    .put("alignments", details.alignments())
                    .build())
        .build();
  }

  private static BaseModelMetadata readBaseModelMetadata(
      Map<String, Object> document, Violations violations) {
    var r = new DocumentReader(document, violations);
    UiModelSectionType section =
        r.enumValue(
            "ui_model_section_type",
            Wire.byName(UiModelSectionType.class),
            Wire.names(UiModelSectionType.class));
    Map<String, Object> detailsDocument = r.object("modelDetails");
    BaseModelDetails details = null;
    if (detailsDocument != null) {
      var d = new DocumentReader(detailsDocument, violations.at("modelDetails"));
      details =
          new BaseModelDetails(
              d.longValue("number_of_parameters"),
              d.longValue("token_context_window"),
              d.longValue("languages"),
              d.longValue("alignments"));
    }
    return new BaseModelMetadata(
        section,
        r.string("model_developer"),
        r.string("model_license_url"),
        r.string("delivery_date"),
        details);
  }

  /** The optional fields shared by create and patch documents. */
  private record Fields(
      ResourceName name,
      String displayName,
      ModelVendor vendor,
      String baseModelId,
      BaseModelMetadata metadata,
      Map<String, Object> creationParameters,
      String modelCard,
      String trainingDataCard,
      String templateId,
      String groupId) {}

  private static Fields readFields(DocumentReader r, String name) {
    Violations violations = r.violations();
    ResourceName resourceName =
        name == null ? null : violations.at("name").attempt(() -> new ResourceName(name));
    Map<String, Object> metadataDocument = r.object("base_model_metadata");
    return new Fields(
        resourceName,
        r.string("display_name"),
        r.enumValue("model_vendor", Wire.byName(ModelVendor.class), Wire.names(ModelVendor.class)),
        r.string("base_model_id"),
        metadataDocument == null
            ? null
            : readBaseModelMetadata(metadataDocument, violations.at("base_model_metadata")),
        r.object("model_creation_parameters"),
        r.string("model_card"),
        r.string("training_data_card"),
        r.string("model_template_id"),
        r.string("model_group_id"));
  }
}
