package org.modelregistry.domain.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modelregistry.domain.testdata.TestViolations.violation;
import static org.modelregistry.domain.testdata.TestViolations.violationsOf;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.modelregistry.domain.error.Violation;
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
import org.modelregistry.domain.testdata.TestTemplates;

class TemplateDocumentsTest {

  /** A mutable document built from alternating keys and values (values may be null). */
  private static Map<String, Object> doc(Object... keysAndValues) {
    var document = new LinkedHashMap<String, Object>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      document.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return document;
  }

  private static Map<String, Object> validBundle() {
    return doc("registry", "registry.example", "image", "llm", "tag", "1.0");
  }

  private static Map<String, Object> validDocument() {
    return doc(
        "account_id", "acct-1",
        "name", "llm-template",
        "endpoint_type", "SYNC",
        "model_type", "COMPLETION",
        "vendor_configuration", doc("bundle_config", validBundle()));
  }

  private static Map<String, Object> parameter(
      String name, String type, String description, Object required) {
    return doc("name", name, "type", type, "description", description, "required", required);
  }

  private static TemplateDefinition fullDefinition() {
    var bundle =
        new BundleConfig(
            "registry.example",
            "llm-server",
            "2.1",
            List.of("serve", "--port", "5005"),
            Map.of("MODEL_PATH", "/models/a", "LOG", "debug"),
            List.of("serve", "--stream"),
            30,
            "/health",
            "/v1/predict",
            "/v1/stream");
    var endpoint =
        new EndpointConfig(
            8,
            "32Gi",
            "100Gi",
            1,
            GpuType.NVIDIA_AMPERE_A10,
            1,
            3,
            4,
            EndpointType.STREAMING,
            true);
    var fineTuning =
        new FineTuningBundleConfig(
            "registry.example",
            "trainer",
            "0.9",
            List.of("train"),
            Map.of("EPOCHS", "3"),
            "/etc/job.json",
            TrainingDatasetSchemaType.GENERATION,
            new RequiredResources(16, "64Gi", "500Gi", 4, GpuType.NVIDIA_HOPPER_H100_3G40GB));
    return new TemplateDefinition(
        "acct-1",
        new ResourceName("full.template_v2"),
        EndpointType.STREAMING,
        ModelType.CHAT_COMPLETION,
        new VendorConfiguration("LAUNCH", bundle, endpoint, fineTuning),
        new ParameterSchema(
            List.of(
                new ParameterField("weights", ParameterType.STR, "where the weights are", true),
                new ParameterField("shards", ParameterType.INT, "how many shards", false))),
        new ParameterSchema(
            List.of(
                new ParameterField("temperature", ParameterType.FLOAT, "sampling", false),
                new ParameterField("stream", ParameterType.BOOL, "stream tokens", true))),
        EndpointProtocol.VLLM);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value) {
    return (Map<String, Object>) value;
  }

  // --- round trips

  @Test
  void givenAMinimalDefinition_writeThenRead_returnsAnEqualDefinition() {
    var definition = TestTemplates.aTemplate().definition();

    assertThat(TemplateDocuments.read(TemplateDocuments.write(definition))).isEqualTo(definition);
  }

  @Test
  void givenADefinitionWithEveryField_writeThenRead_returnsAnEqualDefinition() {
    var definition = fullDefinition();

    assertThat(TemplateDocuments.read(TemplateDocuments.write(definition))).isEqualTo(definition);
  }

  @ParameterizedTest
  @EnumSource(GpuType.class)
  void givenAnyGpuType_writeThenRead_keepsIt(GpuType gpu) {
    var vendor =
        new VendorConfiguration(
            null,
            BundleConfig.of("r", "i", "t"),
            new EndpointConfig(null, null, null, 1, gpu, null, null, null, null, null),
            null);

    var written = TemplateDocuments.writeVendorConfiguration(vendor);

    assertThat(TemplateDocuments.readVendorConfiguration(written)).isEqualTo(vendor);
  }

  @ParameterizedTest
  @EnumSource(ModelType.class)
  void givenAnyModelType_writeThenRead_keepsIt(ModelType type) {
    var definition = TestTemplates.aTemplate().withModelType(type).definition();

    assertThat(TemplateDocuments.read(TemplateDocuments.write(definition)).modelType())
        .isEqualTo(type);
  }

  @Test
  void givenAParameterSchema_writeThenRead_returnsAnEqualSchema() {
    var schema = fullDefinition().modelRequestParametersSchema();

    assertThat(
            TemplateDocuments.readParameterSchema(TemplateDocuments.writeParameterSchema(schema)))
        .isEqualTo(schema);
  }

  @Test
  void givenAReadDocument_readWriteRead_isStable() {
    var document = validDocument();

    var once = TemplateDocuments.read(document);
    var twice = TemplateDocuments.read(TemplateDocuments.write(once));

    assertThat(twice).isEqualTo(once);
  }

  // --- writing

  @Test
  void givenAMinimalDefinition_write_fillsDefaultsAndLeavesOutAbsentFields() {
    var definition = TestTemplates.aTemplate().withName("t1").definition();

    var document = TemplateDocuments.write(definition);

    assertThat(document)
        .containsOnlyKeys(
            "name", "endpoint_type", "model_type", "vendor_configuration", "account_id")
        .containsEntry("name", "t1")
        .containsEntry("endpoint_type", "SYNC")
        .containsEntry("model_type", "COMPLETION")
        .containsEntry("account_id", TestTemplates.ACCOUNT);
    var vendor = object(document.get("vendor_configuration"));
    assertThat(vendor)
        .containsOnlyKeys("vendor", "bundle_config")
        .containsEntry("vendor", "LAUNCH");
    assertThat(object(vendor.get("bundle_config")))
        .isEqualTo(
            Map.of(
                "registry", "registry.example",
                "image", "llm-server",
                "tag", "1.0",
                "readiness_initial_delay_seconds", 120,
                "healthcheck_route", "/readyz",
                "predict_route", "/predict",
                "streaming_predict_route", "/generate_streaming"));
  }

  @Test
  void givenEveryField_write_usesTheWireSpellings() {
    var document = TemplateDocuments.write(fullDefinition());

    assertThat(document)
        .containsEntry("endpoint_type", "STREAMING")
        .containsEntry("model_type", "CHAT_COMPLETION")
        .containsEntry("endpoint_protocol", "VLLM");
    var vendor = object(document.get("vendor_configuration"));
    var endpoint = object(vendor.get("endpoint_config"));
    assertThat(endpoint)
        .containsEntry("gpu_type", "nvidia-ampere-a10")
        .containsEntry("endpoint_type", "STREAMING")
        .containsEntry("high_priority", true)
        .containsEntry("min_workers", 1)
        .containsEntry("max_workers", 3)
        .containsEntry("per_worker", 4);
    var fineTuning = object(vendor.get("fine_tuning_job_bundle_config"));
    assertThat(fineTuning)
        .containsEntry("mount_location", "/etc/job.json")
        .containsEntry("training_dataset_schema_type", "GENERATION");
    assertThat(object(fineTuning.get("resources")))
        .containsEntry("gpu_type", "nvidia-hopper-h100-3g40gb")
        .containsEntry("cpus", 16);
    assertThat(object(document.get("model_request_parameters_schema")))
        .isEqualTo(
            Map.of(
                "parameters",
                List.of(
                    Map.of(
                        "name", "temperature",
                        "type", "float",
                        "description", "sampling",
                        "required", false),
                    Map.of(
                        "name", "stream",
                        "type", "bool",
                        "description", "stream tokens",
                        "required", true))));
  }

  @Test
  void givenADefinition_write_returnsAnUnmodifiableDocument() {
    var document = TemplateDocuments.write(TestTemplates.aTemplate().definition());

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> document.put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  // --- reading valid documents

  @Test
  void givenOnlyTheRequiredFields_read_appliesDefaults() {
    var definition = TemplateDocuments.read(validDocument());

    assertThat(definition.accountId()).isEqualTo("acct-1");
    assertThat(definition.name()).isEqualTo(new ResourceName("llm-template"));
    assertThat(definition.endpointType()).isEqualTo(EndpointType.SYNC);
    assertThat(definition.modelType()).isEqualTo(ModelType.COMPLETION);
    assertThat(definition.vendorConfiguration())
        .isEqualTo(VendorConfiguration.launch(BundleConfig.of("registry.example", "llm", "1.0")));
    assertThat(definition.modelCreationParametersSchema()).isNull();
    assertThat(definition.modelRequestParametersSchema()).isNull();
    assertThat(definition.endpointProtocol()).isNull();
  }

  @Test
  void givenNullOptionalFields_read_treatsThemAsAbsent() {
    var document = validDocument();
    document.put("model_creation_parameters_schema", null);
    document.put("endpoint_protocol", null);
    object(document.get("vendor_configuration")).put("endpoint_config", null);

    var definition = TemplateDocuments.read(document);

    assertThat(definition.modelCreationParametersSchema()).isNull();
    assertThat(definition.endpointProtocol()).isNull();
    assertThat(definition.vendorConfiguration().endpointConfig()).isNull();
  }

  @Test
  void givenIntegersInAnyJavaForm_read_acceptsIntegralValues() {
    var document = validDocument();
    var bundle = object(object(document.get("vendor_configuration")).get("bundle_config"));
    bundle.put("readiness_initial_delay_seconds", 30L);
    object(document.get("vendor_configuration"))
        .put(
            "endpoint_config",
            doc(
                "cpus",
                BigInteger.valueOf(4),
                "gpus",
                new BigDecimal("1.0"),
                "max_workers",
                (short) 2));

    var vendor = TemplateDocuments.read(document).vendorConfiguration();

    assertThat(vendor.bundleConfig().readinessInitialDelaySeconds()).isEqualTo(30);
    assertThat(vendor.endpointConfig().cpus()).isEqualTo(4);
    assertThat(vendor.endpointConfig().gpus()).isEqualTo(1);
    assertThat(vendor.endpointConfig().maxWorkers()).isEqualTo(2);
  }

  @Test
  void givenAnEmptyParameterList_read_returnsAnEmptySchema() {
    var document = validDocument();
    document.put("model_request_parameters_schema", doc("parameters", List.of()));

    assertThat(TemplateDocuments.read(document).modelRequestParametersSchema())
        .isEqualTo(ParameterSchema.empty());
  }

  // --- reading invalid documents

  @Test
  void givenAnEmptyDocument_read_reportsEveryRequiredFieldMissing() {
    assertThat(violationsOf(() -> TemplateDocuments.read(Map.of())))
        .extracting(Violation::path, Violation::type)
        .contains(
            violation("missing", "account_id"),
            violation("missing", "name"),
            violation("missing", "endpoint_type"),
            violation("missing", "model_type"),
            violation("missing", "vendor_configuration"));
  }

  @Test
  void givenAnEmptyDocument_read_reportsEachMissingFieldExactlyOnce() {
    assertThat(violationsOf(() -> TemplateDocuments.read(Map.of())))
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("missing", "account_id"),
            violation("missing", "name"),
            violation("missing", "endpoint_type"),
            violation("missing", "model_type"),
            violation("missing", "vendor_configuration"));
  }

  @Test
  void givenNoBody_read_reportsEveryRequiredFieldMissing() {
    assertThat(violationsOf(() -> TemplateDocuments.read(null)))
        .extracting(Violation::path)
        .contains(List.of("name"), List.of("vendor_configuration"));
  }

  @Test
  void givenABundleWithoutImage_read_reportsOnlyTheImageAtItsFullPath() {
    var document = validDocument();
    object(object(document.get("vendor_configuration")).get("bundle_config")).remove("image");

    assertThat(violationsOf(() -> TemplateDocuments.read(document)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("missing", "vendor_configuration", "bundle_config", "image"));
  }

  @Test
  void givenAVendorConfigurationWithoutBundle_read_reportsTheBundleOnce() {
    var document = validDocument();
    document.put("vendor_configuration", doc());

    assertThat(violationsOf(() -> TemplateDocuments.read(document)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("missing", "vendor_configuration", "bundle_config"));
  }

  @Test
  void givenAnInvalidName_read_reportsOnlyThePatternMismatch() {
    var document = validDocument();
    document.put("name", "my template");

    assertThat(violationsOf(() -> TemplateDocuments.read(document)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("string_pattern_mismatch", "name"));
  }

  @Test
  void givenValuesOfTheWrongJsonType_read_reportsEachWithItsTypeAndPath() {
    var document = validDocument();
    document.put("name", 42);
    document.put("endpoint_type", List.of("SYNC"));
    document.put("vendor_configuration", "LAUNCH");
    document.put("model_creation_parameters_schema", List.of());

    assertThat(violationsOf(() -> TemplateDocuments.read(document)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("string_type", "name"),
            violation("string_type", "endpoint_type"),
            violation("dict_type", "vendor_configuration"),
            violation("dict_type", "model_creation_parameters_schema"));
  }

  @Test
  void givenUnknownEnumSpellings_read_reportsEachAsEnum() {
    var document = validDocument();
    document.put("endpoint_type", "sync");
    document.put("model_type", "CHAT");
    document.put("endpoint_protocol", "HTTP");

    var violations = violationsOf(() -> TemplateDocuments.read(document));

    assertThat(violations)
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("enum", "endpoint_type"),
            violation("enum", "model_type"),
            violation("enum", "endpoint_protocol"));
    assertThat(violations.get(1).message()).contains("COMPLETION", "CHAT_COMPLETION", "AGENT");
  }

  @Test
  void givenProblemsAtEveryLevel_read_reportsAllOfThemWithFullPaths() {
    var document =
        doc(
            "account_id", "acct-1",
            "name", "bad name",
            "endpoint_type", "SOMETIMES",
            "model_type", "COMPLETION",
            "vendor_configuration",
                doc(
                    "vendor", "LAUNCH",
                    "bundle_config",
                        doc(
                            "registry",
                            "",
                            "tag",
                            3,
                            "command",
                            List.of("ok", 7),
                            "env",
                            doc("A", "1", "B", 2),
                            "readiness_initial_delay_seconds",
                            -1),
                    "endpoint_config",
                        doc("cpus", "x", "gpu_type", "tpu-v5", "min_workers", 2, "max_workers", 0),
                    "fine_tuning_job_bundle_config",
                        doc(
                            "image", "trainer",
                            "training_dataset_schema_type", "IMAGES",
                            "resources", doc("gpus", -1, "memory", 8))),
            "model_creation_parameters_schema",
                doc(
                    "parameters",
                    List.of(parameter("a", "int", "d", true), parameter("a", "str", "d", false))),
            "model_request_parameters_schema",
                doc(
                    "parameters",
                    List.of(
                        "not-an-object", doc("name", "p", "type", "decimal", "required", "yes"))),
            "endpoint_protocol", "HTTP");

    assertThat(violationsOf(() -> TemplateDocuments.read(document)))
        .extracting(Violation::path, Violation::type)
        .containsExactlyInAnyOrder(
            violation("string_pattern_mismatch", "name"),
            violation("enum", "endpoint_type"),
            violation("string_type", "vendor_configuration", "bundle_config", "tag"),
            violation("string_type", "vendor_configuration", "bundle_config", "command", 1),
            violation("string_type", "vendor_configuration", "bundle_config", "env", "B"),
            violation("string_too_short", "vendor_configuration", "bundle_config", "registry"),
            violation("missing", "vendor_configuration", "bundle_config", "image"),
            violation(
                "greater_than_equal",
                "vendor_configuration",
                "bundle_config",
                "readiness_initial_delay_seconds"),
            violation("int_type", "vendor_configuration", "endpoint_config", "cpus"),
            violation("enum", "vendor_configuration", "endpoint_config", "gpu_type"),
            violation("value_error", "vendor_configuration", "endpoint_config", "max_workers"),
            violation(
                "enum",
                "vendor_configuration",
                "fine_tuning_job_bundle_config",
                "training_dataset_schema_type"),
            violation(
                "string_type",
                "vendor_configuration",
                "fine_tuning_job_bundle_config",
                "resources",
                "memory"),
            violation(
                "greater_than_equal",
                "vendor_configuration",
                "fine_tuning_job_bundle_config",
                "resources",
                "gpus"),
            violation(
                "missing", "vendor_configuration", "fine_tuning_job_bundle_config", "registry"),
            violation("missing", "vendor_configuration", "fine_tuning_job_bundle_config", "tag"),
            violation("value_error", "model_creation_parameters_schema", "parameters", 1, "name"),
            violation("dict_type", "model_request_parameters_schema", "parameters", 0),
            violation("enum", "model_request_parameters_schema", "parameters", 1, "type"),
            violation("missing", "model_request_parameters_schema", "parameters", 1, "description"),
            violation("bool_type", "model_request_parameters_schema", "parameters", 1, "required"),
            violation("enum", "endpoint_protocol"));
  }

  @Test
  void givenAnotherVendor_read_reportsALiteralErrorAtVendor() {
    var document = validDocument();
    object(document.get("vendor_configuration")).put("vendor", "LLMENGINE");

    assertThat(violationsOf(() -> TemplateDocuments.read(document)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("literal_error", "vendor_configuration", "vendor"));
  }

  @Test
  void givenAnotherVendorAndNoBundle_read_reportsBoth() {
    var document = validDocument();
    document.put("vendor_configuration", doc("vendor", "LLMENGINE"));

    assertThat(violationsOf(() -> TemplateDocuments.read(document)))
        .extracting(Violation::path, Violation::type)
        .containsExactlyInAnyOrder(
            violation("missing", "vendor_configuration", "bundle_config"),
            violation("literal_error", "vendor_configuration", "vendor"));
  }

  @Test
  void givenNonIntegralOrOutOfRangeNumbers_read_reportsIntTypeOrRange() {
    var document = validDocument();
    object(document.get("vendor_configuration"))
        .put(
            "endpoint_config",
            doc(
                "cpus",
                1.5,
                "gpus",
                new BigDecimal("0.5"),
                "min_workers",
                3_000_000_000L,
                "max_workers",
                true));

    assertThat(violationsOf(() -> TemplateDocuments.read(document)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("int_type", "vendor_configuration", "endpoint_config", "cpus"),
            violation("int_type", "vendor_configuration", "endpoint_config", "gpus"),
            violation("int_range", "vendor_configuration", "endpoint_config", "min_workers"),
            violation("int_type", "vendor_configuration", "endpoint_config", "max_workers"));
  }

  @Test
  void givenAParameterSchemaWithoutParameters_read_reportsParametersMissing() {
    var document = validDocument();
    document.put("model_creation_parameters_schema", doc());

    assertThat(violationsOf(() -> TemplateDocuments.read(document)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("missing", "model_creation_parameters_schema", "parameters"));
  }

  @Test
  void givenAParameterWithEveryFieldMissing_read_reportsEachAtItsIndex() {
    assertThat(
            violationsOf(
                () -> TemplateDocuments.readParameterSchema(doc("parameters", List.of(doc())))))
        .extracting(Violation::path, Violation::type)
        .containsExactlyInAnyOrder(
            violation("missing", "parameters", 0, "name"),
            violation("missing", "parameters", 0, "type"),
            violation("missing", "parameters", 0, "description"),
            violation("missing", "parameters", 0, "required"));
  }

  @Test
  void givenAParameterWithAnEmptyName_read_reportsItAtTheNameOfThatIndex() {
    var schema =
        doc(
            "parameters",
            List.of(parameter("ok", "str", "d", true), parameter("", "str", "d", true)));

    assertThat(violationsOf(() -> TemplateDocuments.readParameterSchema(schema)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("string_too_short", "parameters", 1, "name"));
  }

  @Test
  void givenParametersWithSeveralProblems_read_reportsEmptyAndDuplicateNamesToo() {
    var schema =
        doc(
            "parameters",
            List.of(
                parameter("a", "str", "d", true),
                parameter("", "decimal", "d", true),
                parameter("a", "int", "d", "yes")));

    assertThat(violationsOf(() -> TemplateDocuments.readParameterSchema(schema)))
        .extracting(Violation::path, Violation::type)
        .containsExactlyInAnyOrder(
            violation("string_too_short", "parameters", 1, "name"),
            violation("enum", "parameters", 1, "type"),
            violation("bool_type", "parameters", 2, "required"),
            violation("value_error", "parameters", 2, "name"));
  }

  @Test
  void givenAVendorDocument_readVendorConfiguration_reportsPathsRelativeToIt() {
    assertThat(
            violationsOf(
                () ->
                    TemplateDocuments.readVendorConfiguration(
                        doc("bundle_config", doc("registry", "r", "image", "i")))))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("missing", "bundle_config", "tag"));
  }
}
