package org.modelregistry.domain.template;

import org.modelregistry.domain.error.Violations;
import org.modelregistry.domain.naming.BoundedText;
import org.modelregistry.domain.naming.ResourceName;

/**
 * Everything a caller states about a template. Both parameter schemas are optional (absent means no
 * parameters); so is the endpoint protocol.
 */
public record TemplateDefinition(
    String accountId,
    ResourceName name,
    EndpointType endpointType,
    ModelType modelType,
    VendorConfiguration vendorConfiguration,
    ParameterSchema modelCreationParametersSchema,
    ParameterSchema modelRequestParametersSchema,
    EndpointProtocol endpointProtocol) {

  public TemplateDefinition {
    var violations = Violations.collect();
    if (accountId == null) {
      violations.add(Violations.MISSING, "account_id is required", "account_id");
    } else {
      violations
          .at("account_id")
          .attempt(
              () ->
                  BoundedText.requireNonBlank(accountId, BoundedText.IDENTIFIER_MAX, "account_id"));
    }
    violations.require(name != null, Violations.MISSING, "name is required", "name");
    violations.require(
        endpointType != null, Violations.MISSING, "endpoint_type is required", "endpoint_type");
    violations.require(
        modelType != null, Violations.MISSING, "model_type is required", "model_type");
    violations.require(
        vendorConfiguration != null,
        Violations.MISSING,
        "vendor_configuration is required",
        "vendor_configuration");
    violations.throwIfAny();
  }

  /** The creation schema, or an empty one when the template declares none. */
  public ParameterSchema creationSchemaOrEmpty() {
    return modelCreationParametersSchema == null
        ? ParameterSchema.empty()
        : modelCreationParametersSchema;
  }

  /** The request schema, or an empty one when the template declares none. */
  public ParameterSchema requestSchemaOrEmpty() {
    return modelRequestParametersSchema == null
        ? ParameterSchema.empty()
        : modelRequestParametersSchema;
  }
}
