package org.modelregistry.domain.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.modelregistry.domain.error.Violations;
import org.modelregistry.domain.registration.Secret;
import org.modelregistry.domain.spec.ModelSpec;

/**
 * A model entity as a request states it, in wire form; {@link #toDefinition()} checks every field
 * and reports all violations at once, each at its path ({@code ["api_endpoint", "url"]}). {@code
 * prompt} is a {@code PromptData} document; {@code customFields} and {@code ownership} are
 * free-form JSON objects.
 */
public record ModelEntityRequest(
    String name,
    String description,
    String project,
    String baseModel,
    String finetuningType,
    String backendFormat,
    String fileset,
    List<String> modelProviders,
    Endpoint apiEndpoint,
    ModelSpec spec,
    Boolean trustRemoteCode,
    Map<String, Object> prompt,
    Map<String, Object> customFields,
    Map<String, Object> ownership) {

  /** The {@code api_endpoint} object in wire form. */
  public record Endpoint(String url, String modelId, String apiKey, String format) {

    @Override
    public String toString() {
      return "Endpoint[url=" + url + ", apiKey=" + (apiKey == null ? "none" : "****") + "]";
    }
  }

  @Override
  public String toString() {
    return "ModelEntityRequest[name=" + name + ", apiEndpoint=" + apiEndpoint + "]";
  }

  /** The validated definition; throws one ValidationException listing every violation. */
  public ModelEntityDefinition toDefinition() {
    var violations = Violations.collect();
    if (name == null) {
      violations.add(Violations.MISSING, "name is required", "name");
    }
    EntityName parsedName =
        name == null ? null : violations.at("name").attempt(() -> new EntityName(name));
    var parsedProject =
        project == null ? null : violations.at("project").attempt(() -> new ProjectName(project));
    var parsedBase =
        baseModel == null
            ? null
            : violations.at("base_model").attempt(() -> ModelRef.parse(baseModel));
    var parsedType =
        finetuningType == null
            ? null
            : violations
                .at("finetuning_type")
                .attempt(() -> FinetuningType.fromWire(finetuningType));
    var parsedFormat =
        backendFormat == null
            ? null
            : violations.at("backend_format").attempt(() -> BackendFormat.fromWire(backendFormat));
    var parsedFileset =
        fileset == null ? null : violations.at("fileset").attempt(() -> FilesetRef.parse(fileset));
    var providers = new ArrayList<ModelRef>();
    if (modelProviders != null) {
      for (int i = 0; i < modelProviders.size(); i++) {
        String text = modelProviders.get(i);
        providers.add(violations.at("model_providers", i).attempt(() -> ModelRef.parse(text)));
      }
    }
    var endpoint =
        apiEndpoint == null
            ? null
            : violations
                .at("api_endpoint")
                .attempt(
                    () ->
                        new ApiEndpoint(
                            apiEndpoint.url(),
                            apiEndpoint.modelId(),
                            apiEndpoint.apiKey() == null ? null : new Secret(apiEndpoint.apiKey()),
                            apiEndpoint.format()));
    var parsedPrompt =
        prompt == null
            ? null
            : violations.at("prompt").attempt(() -> PromptData.fromDocument(prompt));
    String text = description;
    var definition =
        violations.attempt(
            () ->
                new ModelEntityDefinition(
                    // A stand-in keeps the definition's own checks running when the name failed.
                    parsedNameOrPlaceholder(parsedName),
                    text,
                    parsedProject,
                    parsedBase,
                    parsedType,
                    parsedFormat,
                    parsedFileset,
                    providers.contains(null) ? List.of() : providers,
                    endpoint,
                    spec,
                    trustRemoteCode != null && trustRemoteCode,
                    parsedPrompt,
                    customFields,
                    ownership));
    violations.throwIfAny();
    return definition;
  }

  private static EntityName parsedNameOrPlaceholder(EntityName parsed) {
    return parsed != null ? parsed : new EntityName("_");
  }
}
