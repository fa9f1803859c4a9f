package org.modelregistry.domain.document;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.modelregistry.domain.error.Violations;
import org.modelregistry.domain.naming.ResourceName;
import org.modelregistry.domain.template.BundleConfig;
import org.modelregistry.domain.template.EndpointConfig;
import org.modelregistry.domain.template.EndpointProtocol;
import org.modelregistry.domain.template.EndpointType;
import org.modelregistry.domain.template.FineTuningBundleConfig;
import org.modelregistry.domain.template.GpuType;
import org.modelregistry.domain.template.ModelType;
import org.modelregistry.domain.template.ParameterField;
import org.modelregistry.domain.template.ParameterSchema;
import org.modelregistry.domain.template.ParameterType;
import org.modelregistry.domain.template.RequiredResources;
import org.modelregistry.domain.template.TemplateDefinition;
import org.modelregistry.domain.template.TrainingDatasetSchemaType;
import org.modelregistry.domain.template.VendorConfiguration;

/**
 * The document form of templates: plain maps with the snake_case field names of the template API.
 * Readers report every violation at once, each at its path from the document root; writers fill in
 * defaults and leave out absent optional fields.
 */
public final class TemplateDocuments {

  private static final List<String> GPU_TYPES =
      Arrays.stream(GpuType.values()).map(GpuType::wireValue).toList();
  private static final List<String> PARAMETER_TYPES =
      Arrays.stream(ParameterType.values()).map(ParameterType::wireValue).toList();

  private TemplateDocuments() {}

  /**
   * Reads a template definition from a create request body.
   *
   * @throws org.modelregistry.domain.error.ValidationException listing every violation
   */
  public static TemplateDefinition read(Map<String, Object> body) {
    var violations = Violations.collect();
    var reader = new DocumentReader(body, violations);
    String accountId = reader.requiredString("account_id");
    String name = reader.requiredString("name");
    ResourceName resourceName =
        name == null ? null : violations.at("name").attempt(() -> new ResourceName(name));
    EndpointType endpointType =
        reader.requiredEnum(
            "endpoint_type", Wire.byName(EndpointType.class), Wire.names(EndpointType.class));
    ModelType modelType =
        reader.requiredEnum(
            "model_type", Wire.byName(ModelType.class), Wire.names(ModelType.class));
    Map<String, Object> vendorDocument = reader.requiredObject("vendor_configuration");
    VendorConfiguration vendor =
        vendorDocument == null
            ? null
            : readVendorConfiguration(vendorDocument, violations.at("vendor_configuration"));
    ParameterSchema creationSchema =
        optionalSchema(reader, "model_creation_parameters_schema", violations);
    ParameterSchema requestSchema =
        optionalSchema(reader, "model_request_parameters_schema", violations);
    EndpointProtocol protocol =
        reader.enumValue(
            "endpoint_protocol",
            Wire.byName(EndpointProtocol.class),
            Wire.names(EndpointProtocol.class));
    TemplateDefinition definition =
        violations.attempt(
            () ->
                new TemplateDefinition(
                    accountId,
                    resourceName,
                    endpointType,
                    modelType,
                    vendor,
                    creationSchema,
                    requestSchema,
                    protocol));
    violations.throwIfAny();
    return definition;
  }

  /** The document form of a definition, as a create request would carry it (defaults filled). */
  public static Map<String, Object> write(TemplateDefinition definition) {
    return new DocumentWriter()
        .put("name", definition.name().value())
        .put("endpoint_type", Wire.name(definition.endpointType()))
        .put("model_type", Wire.name(definition.modelType()))
        .put("vendor_configuration", writeVendorConfiguration(definition.vendorConfiguration()))
        .put(
            "model_creation_parameters_schema",
            definition.modelCreationParametersSchema(),
            TemplateDocuments::writeParameterSchema)
        .put(
            "model_request_parameters_schema",
            definition.modelRequestParametersSchema(),
            TemplateDocuments::writeParameterSchema)
        .put("endpoint_protocol", Wire.name(definition.endpointProtocol()))
        .put("account_id", definition.accountId())
        .build();
  }

  /**
   * Reads a vendor configuration document.
   *
   * @throws org.modelregistry.domain.error.ValidationException listing every violation, paths
   *     relative to the vendor configuration
   */
  public static VendorConfiguration readVendorConfiguration(Map<String, Object> document) {
    var violations = Violations.collect();
    VendorConfiguration result = readVendorConfiguration(document, violations);
    violations.throwIfAny();
    return result;
  }

  public static Map<String, Object> writeVendorConfiguration(VendorConfiguration vendor) {
    return new DocumentWriter()
        .put("vendor", vendor.vendor())
        .put("bundle_config", writeBundle(vendor.bundleConfig()))
        .put("endpoint_config", vendor.endpointConfig(), TemplateDocuments::writeEndpoint)
        .put(
            "fine_tuning_job_bundle_config",
            vendor.fineTuningJobBundleConfig(),
            TemplateDocuments::writeFineTuning)
        .build();
  }

  /**
   * Reads a parameter schema document ({@code {"parameters": [...]}}).
   *
   * @throws org.modelregistry.domain.error.ValidationException listing every violation
   */
  public static ParameterSchema readParameterSchema(Map<String, Object> document) {
    var violations = Violations.collect();
    ParameterSchema result = readParameterSchema(document, violations);
    violations.throwIfAny();
    return result;
  }

  public static Map<String, Object> writeParameterSchema(ParameterSchema schema) {
    List<Object> parameters = new ArrayList<>();
    for (ParameterField field : schema.parameters()) {
      parameters.add(
          new DocumentWriter()
              .put("name", field.name())
              .put("type", field.type().wireValue())
              .put("description", field.description())
              .put("required", field.required())
              .build());
    }
    return new DocumentWriter().put("parameters", List.copyOf(parameters)).build();
  }

  private static ParameterSchema optionalSchema(
      DocumentReader reader, String key, Violations violations) {
    Map<String, Object> document = reader.object(key);
    return document == null ? null : readParameterSchema(document, violations.at(key));
  }

  private static VendorConfiguration readVendorConfiguration(
      Map<String, Object> document, Violations violations) {
    var reader = new DocumentReader(document, violations);
    String vendor = reader.string("vendor");
    Map<String, Object> bundleDocument = reader.requiredObject("bundle_config");
    BundleConfig bundle =
        bundleDocument == null ? null : readBundle(bundleDocument, violations.at("bundle_config"));
    Map<String, Object> endpointDocument = reader.object("endpoint_config");
    EndpointConfig endpoint =
        endpointDocument == null
            ? null
            : readEndpoint(endpointDocument, violations.at("endpoint_config"));
    Map<String, Object> fineTuningDocument = reader.object("fine_tuning_job_bundle_config");
    FineTuningBundleConfig fineTuning =
        fineTuningDocument == null
            ? null
            : readFineTuning(fineTuningDocument, violations.at("fine_tuning_job_bundle_config"));
    return violations.attempt(() -> new VendorConfiguration(vendor, bundle, endpoint, fineTuning));
  }

  private static BundleConfig readBundle(Map<String, Object> document, Violations violations) {
    var r = new DocumentReader(document, violations);
    String registry = r.string("registry");
    String image = r.string("image");
    String tag = r.string("tag");
    List<String> command = r.stringList("command");
    Map<String, String> env = r.stringMap("env");
    List<String> streamingCommand = r.stringList("streaming_command");
    Integer readiness = r.integer("readiness_initial_delay_seconds");
    String healthcheck = r.string("healthcheck_route");
    String predict = r.string("predict_route");
    String streamingPredict = r.string("streaming_predict_route");
    return violations.attempt(
        () ->
            new BundleConfig(
                registry,
                image,
                tag,
                command,
                env,
                streamingCommand,
                readiness,
                healthcheck,
                predict,
                streamingPredict));
  }

  private static Map<String, Object> writeBundle(BundleConfig bundle) {
    return new DocumentWriter()
        .put("registry", bundle.registry())
        .put("image", bundle.image())
        .put("tag", bundle.tag())
        .put("command", bundle.command())
        .put("env", bundle.env())
        .put("streaming_command", bundle.streamingCommand())
        .put("readiness_initial_delay_seconds", bundle.readinessInitialDelaySeconds())
        .put("healthcheck_route", bundle.healthcheckRoute())
        .put("predict_route", bundle.predictRoute())
        .put("streaming_predict_route", bundle.streamingPredictRoute())
        .build();
  }

  private static EndpointConfig readEndpoint(Map<String, Object> document, Violations violations) {
    var r = new DocumentReader(document, violations);
    Integer cpus = r.integer("cpus");
    String memory = r.string("memory");
    String storage = r.string("storage");
    Integer gpus = r.integer("gpus");
    GpuType gpuType = r.enumValue("gpu_type", GpuType::fromWire, GPU_TYPES);
    Integer minWorkers = r.integer("min_workers");
    Integer maxWorkers = r.integer("max_workers");
    Integer perWorker = r.integer("per_worker");
    EndpointType endpointType =
        r.enumValue(
            "endpoint_type", Wire.byName(EndpointType.class), Wire.names(EndpointType.class));
    Boolean highPriority = r.bool("high_priority");
    return violations.attempt(
        () ->
            new EndpointConfig(
                cpus,
                memory,
                storage,
                gpus,
                gpuType,
                minWorkers,
                maxWorkers,
                perWorker,
                endpointType,
                highPriority));
  }

  private static Map<String, Object> writeEndpoint(EndpointConfig endpoint) {
    return new DocumentWriter()
        .put("cpus", endpoint.cpus())
        .put("memory", endpoint.memory())
        .put("storage", endpoint.storage())
        .put("gpus", endpoint.gpus())
        .put("gpu_type", endpoint.gpuType(), GpuType::wireValue)
        .put("min_workers", endpoint.minWorkers())
        .put("max_workers", endpoint.maxWorkers())
        .put("per_worker", endpoint.perWorker())
        .put("endpoint_type", Wire.name(endpoint.endpointType()))
        .put("high_priority", endpoint.highPriority())
        .build();
  }

  private static FineTuningBundleConfig readFineTuning(
      Map<String, Object> document, Violations violations) {
    var r = new DocumentReader(document, violations);
    String registry = r.string("registry");
    String image = r.string("image");
    String tag = r.string("tag");
    List<String> command = r.stringList("command");
    Map<String, String> env = r.stringMap("env");
    String mountLocation = r.string("mount_location");
    TrainingDatasetSchemaType datasetType =
        r.enumValue(
            "training_dataset_schema_type",
            Wire.byName(TrainingDatasetSchemaType.class),
            Wire.names(TrainingDatasetSchemaType.class));
    Map<String, Object> resourcesDocument = r.object("resources");
    RequiredResources resources =
        resourcesDocument == null
            ? null
            : readResources(resourcesDocument, violations.at("resources"));
    return violations.attempt(
        () ->
            new FineTuningBundleConfig(
                registry, image, tag, command, env, mountLocation, datasetType, resources));
  }

  private static Map<String, Object> writeFineTuning(FineTuningBundleConfig fineTuning) {
    return new DocumentWriter()
        .put("registry", fineTuning.registry())
        .put("image", fineTuning.image())
        .put("tag", fineTuning.tag())
        .put("command", fineTuning.command())
        .put("env", fineTuning.env())
        .put("mount_location", fineTuning.mountLocation())
        .put("training_dataset_schema_type", Wire.name(fineTuning.trainingDatasetSchemaType()))
        .put("resources", fineTuning.resources(), TemplateDocuments::writeResources)
        .build();
  }

  private static RequiredResources readResources(
      Map<String, Object> document, Violations violations) {
    var r = new DocumentReader(document, violations);
    Integer cpus = r.integer("cpus");
    String memory = r.string("memory");
    String storage = r.string("storage");
    Integer gpus = r.integer("gpus");
    GpuType gpuType = r.enumValue("gpu_type", GpuType::fromWire, GPU_TYPES);
    return violations.attempt(() -> new RequiredResources(cpus, memory, storage, gpus, gpuType));
  }

  private static Map<String, Object> writeResources(RequiredResources resources) {
    return new DocumentWriter()
        .put("cpus", resources.cpus())
        .put("memory", resources.memory())
        .put("storage", resources.storage())
        .put("gpus", resources.gpus())
        .put("gpu_type", resources.gpuType(), GpuType::wireValue)
        .build();
  }

  @SuppressWarnings("unchecked")
  private static ParameterSchema readParameterSchema(
      Map<String, Object> document, Violations violations) {
    var reader = new DocumentReader(document, violations);
    List<Object> items = reader.list("parameters");
    violations.require(
        reader.has("parameters"), Violations.MISSING, "parameters is required", "parameters");
    if (items == null) {
      return null;
    }
    int violationsBefore = violations.list().size();
    List<ParameterField> fields = new ArrayList<>();
    Map<String, Integer> firstIndexOfName = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      Violations at = violations.at("parameters", i);
      if (!(items.get(i) instanceof Map<?, ?> item)) {
        at.add("dict_type", "each parameter must be an object");
        continue;
      }
      var r = new DocumentReader((Map<String, Object>) item, at);
      String name = r.requiredString("name");
      ParameterType type = r.requiredEnum("type", ParameterType::fromWire, PARAMETER_TYPES);
      String description = r.requiredString("description");
      Boolean required = r.bool("required");
      at.require(r.has("required"), Violations.MISSING, "required is required", "required");
      // Name rules are checked on every item whose name parsed, whatever else is wrong with it,
      // so that one response lists them all at the item's own index.
      if (name != null) {
        at.require(!name.isBlank(), "string_too_short", "parameter name must not be empty", "name");
        Integer first = firstIndexOfName.putIfAbsent(name, i);
        at.require(
            first == null,
            "value_error",
            "parameter name '" + name + "' is declared more than once",
            "name");
      }
      if (name != null
          && !name.isBlank()
          && type != null
          && description != null
          && required != null) {
        ParameterField field =
            at.attempt(() -> new ParameterField(name, type, description, required));
        if (field != null) {
          fields.add(field);
        }
      }
    }
    if (violations.list().size() > violationsBefore) {
      return null;
    }
    return violations.attempt(() -> new ParameterSchema(fields));
  }
}
