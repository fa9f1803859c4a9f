package org.modelregistry.domain.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.modelregistry.domain.error.ValidationException;
import org.modelregistry.domain.error.Violation;
import org.modelregistry.domain.error.Violations;
import org.modelregistry.domain.identity.Actor;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.template.ModelType;
import org.modelregistry.domain.template.Template;

/**
 * A registered model, optionally created from a template. Its request and response schemas are
 * derived from its model type and its template's request parameters whenever it changes.
 */
public final class Model {

  private final String id;
  private final ModelDefinition definition;
  private final Map<String, Object> requestSchema;
  private final Map<String, Object> responseSchema;
  private final Instant createdAt;
  private final Actor createdBy;

  private Model(
      String id,
      ModelDefinition definition,
      Map<String, Object> requestSchema,
      Map<String, Object> responseSchema,
      Instant createdAt,
      Actor createdBy) {
    this.id = Objects.requireNonNull(id, "id");
    this.definition = Objects.requireNonNull(definition, "definition");
    this.requestSchema = Objects.requireNonNull(requestSchema, "requestSchema");
    this.responseSchema = Objects.requireNonNull(responseSchema, "responseSchema");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
  }

  /**
   * A new model. {@code template} is the template the definition names, as found in the model's
   * account (empty when it names none or none was found).
   *
   * @throws org.modelregistry.domain.error.ValidationException listing every broken rule: an
   *     unknown template, a model type that differs from the template's, creation parameters that
   *     do not fit the template's creation schema, or creation parameters without a template
   */
  public static Model create(
      String id,
      ModelDefinition definition,
      Optional<Template> template,
      Actor actor,
      Instant now) {
    checkAgainstTemplate(definition, template);
    return new Model(
        id,
        definition,
        ModelSchemas.requestSchema(definition.modelType(), template),
        ModelSchemas.responseSchema(definition.modelType()),
        now,
        actor);
  }

  /** A model read back from storage, its derived schemas as they were stored. */
  public static Model reconstitute(
      String id,
      ModelDefinition definition,
      Map<String, Object> requestSchema,
      Map<String, Object> responseSchema,
      Instant createdAt,
      Actor createdBy) {
    return new Model(id, definition, requestSchema, responseSchema, createdAt, createdBy);
  }

  /**
   * This model with {@code patch} applied, re-checked against its template as on creation.
   *
   * @throws org.modelregistry.domain.error.ValidationException when the patch tries to move the
   *     model to another template or the result breaks a creation rule
   */
  public Model apply(ModelPatch patch, Optional<Template> template) {
    var violations = Violations.collect();
    violations.require(
        patch.modelTemplateId() == null
            || patch.modelTemplateId().equals(definition.modelTemplateId()),
        "value_error",
        "model_template_id cannot be changed after creation",
        "model_template_id");
    violations.throwIfAny();
    ModelDefinition patched = patch.applyTo(definition);
    checkAgainstTemplate(patched, template);
    return new Model(
        id,
        patched,
        ModelSchemas.requestSchema(patched.modelType(), template),
        ModelSchemas.responseSchema(patched.modelType()),
        createdAt,
        createdBy);
  }

  private static void checkAgainstTemplate(
      ModelDefinition definition, Optional<Template> template) {
    List<Violation> violations =
        templateViolations(
            definition.accountId(),
            definition.modelType(),
            definition.modelTemplateId(),
            definition.modelCreationParameters(),
            template);
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
  }

  /**
   * The rules that tie a model to its template, as violations with paths from the model document
   * root: an unknown template or one of another account, a different model type, creation
   * parameters that do not fit the template's creation schema, or creation parameters without a
   * template. Null arguments (parts of a document that failed to read) skip the checks that need
   * them, so a caller can report these together with other problems of the same document.
   *
   * @param template the template {@code templateId} names, as found; empty when none was found
   */
  public static List<Violation> templateViolations(
      String accountId,
      ModelType modelType,
      String templateId,
      Map<String, Object> creationParameters,
      Optional<Template> template) {
    var violations = Violations.collect();
    Map<String, Object> parameters = creationParameters == null ? Map.of() : creationParameters;
    if (templateId == null) {
      violations.require(
          parameters.isEmpty(),
          "value_error",
          "model_creation_parameters require a model_template_id",
          "model_creation_parameters");
    } else if (template.isEmpty()
        || !template.get().id().equals(templateId)
        || (accountId != null && !template.get().accountId().equals(accountId))) {
      violations.add(
          "value_error",
          "no model template '"
              + templateId
              + "' exists in account '"
              + (accountId == null ? template.map(Template::accountId).orElse("?") : accountId)
              + "'",
          "model_template_id");
    } else {
      Template t = template.get();
      violations.require(
          modelType == null || t.modelType() == modelType,
          "value_error",
          "model_type " + modelType + " does not match the template's model_type " + t.modelType(),
          "model_type");
      t.definition()
          .creationSchemaOrEmpty()
          .check(parameters)
          .forEach(
              v ->
                  violations
                      .at("model_creation_parameters")
                      .add(v.type(), v.message(), v.path().toArray()));
    }
    return violations.list();
  }

  public String id() {
    return id;
  }

  public ModelDefinition definition() {
    return definition;
  }

  public String accountId() {
    return definition.accountId();
  }

  public Map<String, Object> requestSchema() {
    return requestSchema;
  }

  public Map<String, Object> responseSchema() {
    return responseSchema;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Actor createdBy() {
    return createdBy;
  }

  /**
   * Whether {@code caller} may see this model: a member of its account, its creator, or an admin.
   */
  public boolean isVisibleTo(Caller caller) {
    return caller.sees(accountId(), createdBy);
  }

  /** Deployments are not managed by the registry yet, so no model has any. */
  public int deploymentCount() {
    return 0;
  }

  public boolean supportsMultiTurn() {
    return definition.modelType().supportsMultiTurn();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Model m
        && id.equals(m.id)
        && definition.equals(m.definition)
        && requestSchema.equals(m.requestSchema)
        && responseSchema.equals(m.responseSchema)
        && createdAt.equals(m.createdAt)
        && createdBy.equals(m.createdBy);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "Model[" + id + ", " + definition.name() + "]";
  }
}
