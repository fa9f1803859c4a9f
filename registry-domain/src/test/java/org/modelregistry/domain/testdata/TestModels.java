package org.modelregistry.domain.testdata;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.modelregistry.domain.identity.Actor;
import org.modelregistry.domain.model.BaseModelMetadata;
import org.modelregistry.domain.model.Model;
import org.modelregistry.domain.model.ModelDefinition;
import org.modelregistry.domain.model.ModelVendor;
import org.modelregistry.domain.naming.ResourceName;
import org.modelregistry.domain.template.ModelType;
import org.modelregistry.domain.template.Template;

/** Test data builder for models: sensible defaults, override what a test is about. */
public final class TestModels {

  private String id = UUID.randomUUID().toString();
  private String accountId = TestTemplates.ACCOUNT;
  private String name = "model-" + UUID.randomUUID().toString().substring(0, 8);
  private String displayName;
  private String description;
  private ModelVendor modelVendor;
  private ModelType modelType = ModelType.COMPLETION;
  private String baseModelId;
  private BaseModelMetadata baseModelMetadata;
  private final Map<String, Object> creationParameters = new LinkedHashMap<>();
  private String modelCard;
  private String trainingDataCard;
  private Template template;
  private String modelGroupId;
  private Instant createdAt = Instant.parse("2026-01-01T00:00:00Z");
  private Actor createdBy = TestTemplates.ALICE;

  private TestModels() {}

  public static TestModels aModel() {
    return new TestModels();
  }

  public TestModels withId(String id) {
    this.id = id;
    return this;
  }

  public TestModels withAccountId(String accountId) {
    this.accountId = accountId;
    return this;
  }

  public TestModels withName(String name) {
    this.name = name;
    return this;
  }

  public TestModels withDisplayName(String displayName) {
    this.displayName = displayName;
    return this;
  }

  public TestModels withDescription(String description) {
    this.description = description;
    return this;
  }

  public TestModels withModelVendor(ModelVendor modelVendor) {
    this.modelVendor = modelVendor;
    return this;
  }

  public TestModels withModelType(ModelType modelType) {
    this.modelType = modelType;
    return this;
  }

  public TestModels withBaseModelId(String baseModelId) {
    this.baseModelId = baseModelId;
    return this;
  }

  public TestModels withBaseModelMetadata(BaseModelMetadata baseModelMetadata) {
    this.baseModelMetadata = baseModelMetadata;
    return this;
  }

  public TestModels withCreationParameter(String name, Object value) {
    creationParameters.put(name, value);
    return this;
  }

  public TestModels withModelCard(String modelCard) {
    this.modelCard = modelCard;
    return this;
  }

  public TestModels withTrainingDataCard(String trainingDataCard) {
    this.trainingDataCard = trainingDataCard;
    return this;
  }

  /** Uses {@code template}: its id, account and model type. */
  public TestModels fromTemplate(Template template) {
    this.template = template;
    this.accountId = template.accountId();
    this.modelType = template.modelType();
    return this;
  }

  public TestModels withModelGroupId(String modelGroupId) {
    this.modelGroupId = modelGroupId;
    return this;
  }

  public TestModels createdAt(Instant createdAt) {
    this.createdAt = createdAt;
    return this;
  }

  public TestModels createdBy(Actor createdBy) {
    this.createdBy = createdBy;
    return this;
  }

  public ModelDefinition definition() {
    return new ModelDefinition(
        accountId,
        new ResourceName(name),
        displayName,
        description,
        modelVendor,
        modelType,
        baseModelId,
        baseModelMetadata,
        creationParameters,
        modelCard,
        trainingDataCard,
        template == null ? null : template.id(),
        modelGroupId);
  }

  /** A valid model, built through the domain's own creation rules. */
  public Model build() {
    return Model.create(id, definition(), Optional.ofNullable(template), createdBy, createdAt);
  }
}
