package org.modelregistry.domain.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.modelregistry.domain.registration.TestRegistrations.FILES;
import static org.modelregistry.domain.registration.TestRegistrations.LATER;
import static org.modelregistry.domain.registration.TestRegistrations.MODEL_ID;
import static org.modelregistry.domain.registration.TestRegistrations.NAME;
import static org.modelregistry.domain.registration.TestRegistrations.OWNER;
import static org.modelregistry.domain.registration.TestRegistrations.PASSWORD;
import static org.modelregistry.domain.registration.TestRegistrations.REGISTERED_AT;
import static org.modelregistry.domain.registration.TestRegistrations.SIGNATURE;
import static org.modelregistry.domain.registration.TestRegistrations.VERSION;
import static org.modelregistry.domain.registration.TestRegistrations.aRegisteredModel;
import static org.modelregistry.domain.registration.TestRegistrations.at;
import static org.modelregistry.domain.registration.TestRegistrations.doc;
import static org.modelregistry.domain.registration.TestRegistrations.legacyBody;
import static org.modelregistry.domain.registration.TestRegistrations.putBody;
import static org.modelregistry.domain.registration.TestRegistrations.redactedUrl;
import static org.modelregistry.domain.registration.TestRegistrations.signedUrl;
import static org.modelregistry.domain.testdata.TestViolations.violation;
import static org.modelregistry.domain.testdata.TestViolations.violationsOf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modelregistry.domain.error.Violation;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.naming.ResourceName;

class RegistrationDocumentsTest {

  private static Registration read(Map<String, Object> body) {
    return RegistrationDocuments.readRegistration(NAME, VERSION, body);
  }

  private static List<Violation> violationsReading(Map<String, Object> body) {
    return violationsOf(() -> read(body));
  }

  /** A body whose model_files hold only {@code key} → {@code url} besides the referenced files. */
  private static Map<String, Object> bodyWithFile(String key, Object url) {
    var body = putBody();
    at(body, "model_files").put(key, url);
    return body;
  }

  // --- PUT /api/v1.0/model/{name}/{version}

  @Test
  void givenAFullBody_readRegistration_readsEverySection() {
    var registration = read(putBody());

    assertThat(registration.name()).isEqualTo(new ResourceName(NAME));
    assertThat(registration.version()).isEqualTo(new VersionName(VERSION));
    assertThat(registration.description()).isEqualTo("Summarizes Python functions");
    assertThat(registration.config().type()).isEqualTo(ModelKind.DECODER);
    var inference = registration.config().inference();
    assertThat(inference.entryScript()).isEqualTo(new FilePath("inference.py"));
    assertThat(inference.condaEnv()).isEqualTo(new FilePath("conda.yml"));
    assertThat(inference.dockerImage()).isEqualTo("org/base:1.0");
    assertThat(inference.dockerRegistry())
        .isEqualTo(new DockerRegistry("registry.example", "deploy", new Secret(PASSWORD)));
    assertThat(registration.config().training().entryScript())
        .isEqualTo(new FilePath("train/train.py"));
    assertThat(registration.config().preprocessing().dockerImage()).isEqualTo("org/prep:2");
    assertThat(registration.files())
        .extracting(f -> f.target().value(), f -> f.source().value())
        .containsExactlyElementsOf(FILES.stream().map(f -> tuple(f, signedUrl(f))).toList());
    assertThat(registration.metainfo())
        .isEqualTo(
            new ModelMetainfo(
                new FilePath("index.md"),
                List.of(DataKind.SOURCE_CODE),
                List.of("python"),
                "a Python function",
                List.of(DataKind.NATURAL_LANGUAGE),
                List.of("english"),
                "a one-paragraph summary",
                124_000_000L));
  }

  @Test
  void givenNoVisibilityFlag_readRegistration_registersPrivately() {
    assertThat(read(putBody()).visibility()).isEqualTo(Visibility.PRIVATE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"private", "is_private"})
  void givenAFalseVisibilityFlag_readRegistration_registersPublicly(String flag) {
    var body = putBody();
    at(body, "model_config").put(flag, false);

    assertThat(read(body).visibility()).isEqualTo(Visibility.PUBLIC);
  }

  @ParameterizedTest
  @ValueSource(strings = {"private", "is_private"})
  void givenATrueVisibilityFlag_readRegistration_registersPrivately(String flag) {
    var body = putBody();
    at(body, "model_config").put(flag, true);

    assertThat(read(body).visibility()).isEqualTo(Visibility.PRIVATE);
  }

  @Test
  void givenBothFlagsAgreeing_readRegistration_accepts() {
    var body = putBody();
    at(body, "model_config").putAll(doc("private", false, "is_private", false));

    assertThat(read(body).visibility()).isEqualTo(Visibility.PUBLIC);
  }

  @Test
  void givenContradictingFlags_readRegistration_rejectsTheAlias() {
    var body = putBody();
    at(body, "model_config").putAll(doc("private", false, "is_private", true));

    assertThat(violationsReading(body))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("value_error", "model_config", "is_private"));
  }

  @Test
  void givenANonBooleanFlag_readRegistration_rejectsIt() {
    var body = putBody();
    at(body, "model_config").put("private", "no");

    assertThat(violationsReading(body))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("bool_type", "model_config", "private"));
  }

  @Test
  void givenNoSections_readRegistration_asksForAllThree() {
    assertThat(violationsReading(doc()))
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("missing", "model_config"),
            violation("missing", "model_files"),
            violation("missing", "model_metainfo"));
  }

  @Test
  void givenANullBody_readRegistration_asksForAllThree() {
    assertThat(violationsOf(() -> RegistrationDocuments.readRegistration(NAME, VERSION, null)))
        .hasSize(3);
  }

  @Test
  void givenABadNameAndVersionInThePath_readRegistration_reportsBoth() {
    assertThat(
            violationsOf(() -> RegistrationDocuments.readRegistration("my model", "..", putBody())))
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("string_pattern_mismatch", "name"),
            violation("string_pattern_mismatch", "version"));
  }

  @Test
  void givenADotDotName_readRegistration_rejectsIt() {
    assertThat(violationsOf(() -> RegistrationDocuments.readRegistration("..", "1", putBody())))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("string_pattern_mismatch", "name"));
  }

  @Test
  void givenAConfigNameAndVersionEqualToThePath_readRegistration_accepts() {
    var body = putBody();
    at(body, "model_config").putAll(doc("name", NAME, "version", VERSION, "owner", "someone"));

    assertThat(read(body).name().value()).isEqualTo(NAME);
  }

  @Test
  void givenAConfigNameAndVersionOtherThanThePath_readRegistration_rejectsBoth() {
    var body = putBody();
    at(body, "model_config").putAll(doc("name", "other", "version", "9"));

    assertThat(violationsReading(body))
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("value_error", "model_config", "name"),
            violation("value_error", "model_config", "version"));
  }

  @Test
  void givenAnUnknownTypeAndDataKind_readRegistration_rejectsThemAsEnums() {
    var body = putBody();
    at(body, "model_config").put("type", "BERT");
    at(body, "model_metainfo").put("output_types", List.of("NATURAL_LANGUAGE", "AUDIO"));

    assertThat(violationsReading(body))
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("enum", "model_config", "type"),
            violation("enum", "model_metainfo", "output_types", 1));
  }

  @Test
  void givenNoType_readRegistration_asksForIt() {
    var body = putBody();
    at(body, "model_config").remove("type");

    assertThat(violationsReading(body))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("missing", "model_config", "type"));
  }

  // --- model_files keys: every traversal form

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "/etc/passwd",
        "../outside.bin",
        "weights/../../outside.bin",
        "weights/..",
        "./model.bin",
        "weights/./model.bin",
        ".",
        "..",
        "weights\\model.bin",
        "..\\outside.bin",
        "weights//model.bin",
        "weights/",
        "C:/model.bin",
        "c:model.bin",
        "model\u0000.bin",
        "model\n.bin",
        "model\u007f.bin",
        "model\u2028.bin"
      })
  void givenATraversalFormAsFileKey_readRegistration_rejectsTheKeyAtItsPath(String key) {
    assertThat(violationsReading(bodyWithFile(key, signedUrl("x"))))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("path_invalid", "model_files", key));
  }

  @Test
  void givenAFileKeyOver1024Bytes_readRegistration_rejectsTheKey() {
    String key = "é".repeat(513);

    assertThat(violationsReading(bodyWithFile(key, signedUrl("x"))))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("path_invalid", "model_files", key));
  }

  @Test
  void givenAFileKeyWithASegmentOver255Bytes_readRegistration_rejectsTheKey() {
    String key = "weights/" + "é".repeat(128);

    assertThat(violationsReading(bodyWithFile(key, signedUrl("x"))))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("path_invalid", "model_files", key));
  }

  @Test
  void givenAFileKeyOfExactly1024Bytes_readRegistration_acceptsIt() {
    // Five segments of 204 bytes and four slashes: the whole limit, within the segment limit.
    String key = String.join("/", Collections.nCopies(5, "a".repeat(204)));

    assertThat(read(bodyWithFile(key, signedUrl("x"))).fileTargets()).contains(new FilePath(key));
  }

  @Test
  void givenAFileInsideAnotherFile_readRegistration_rejectsTheInnerOne() {
    assertThat(violationsReading(bodyWithFile("inference.py/extra", signedUrl("x"))))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("value_error", "model_files", "inference.py/extra"));
  }

  @Test
  void givenEmptyModelFiles_readRegistration_reportsTheEmptyMapAndEveryReference() {
    var body = putBody();
    at(body, "model_files").clear();

    assertThat(violationsReading(body))
        .extracting(Violation::type)
        .containsOnly("too_short", "file_reference_unknown")
        .hasSize(1 + 6);
  }

  // --- model_files values: every bad URL form

  @ParameterizedTest
  @ValueSource(
      strings = {
        "file:///etc/passwd",
        "ftp://ftp.example/m.bin",
        "gopher://host.example/_x",
        "jar:file:/app.jar!/x",
        "javascript:alert(1)",
        "data:text/plain,abc",
        "s3://bucket/m.bin"
      })
  void givenAForbiddenScheme_readRegistration_rejectsTheUrlAtItsKey(String url) {
    assertThat(violationsReading(bodyWithFile("extra.bin", url)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("url_scheme", "model_files", "extra.bin"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "storage.example/m.bin",
        "/m.bin",
        "//storage.example/m.bin",
        "https://",
        "https:///m.bin",
        "https://exa mple.com/m.bin",
        "https://user:password@storage.example/m.bin",
        "https://storage.example/%zz"
      })
  void givenAMalformedUrl_readRegistration_rejectsTheUrlAtItsKey(String url) {
    assertThat(violationsReading(bodyWithFile("extra.bin", url)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("url_parsing", "model_files", "extra.bin"));
  }

  @Test
  void givenAnOverlongUrl_readRegistration_rejectsTheUrlAtItsKey() {
    String url = "https://storage.example/" + "a".repeat(SourceUrl.MAX_LENGTH);

    assertThat(violationsReading(bodyWithFile("extra.bin", url)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("url_too_long", "model_files", "extra.bin"));
  }

  @Test
  void givenANonStringOrNullUrl_readRegistration_rejectsTheUrlAtItsKey() {
    var body = putBody();
    at(body, "model_files").putAll(doc("a.bin", 42, "b.bin", List.of("https://x"), "c.bin", null));

    assertThat(violationsReading(body))
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("url_type", "model_files", "a.bin"),
            violation("url_type", "model_files", "b.bin"),
            violation("missing", "model_files", "c.bin"));
  }

  @Test
  void givenBadUrlsCarryingSignatures_readRegistration_neverQuotesThem() {
    var body = putBody();
    at(body, "model_files")
        .putAll(
            doc(
                "a.bin", "ftp://storage.example/a.bin?" + SIGNATURE,
                "b.bin", "https://exa mple/b.bin?" + SIGNATURE));

    assertThat(violationsReading(body))
        .hasSize(2)
        .extracting(Violation::message)
        .noneMatch(message -> message.contains(SIGNATURE));
  }

  @Test
  void givenACustomPolicy_readRegistration_acceptsItsSchemes() {
    var body = bodyWithFile("extra.bin", "s3://bucket/m.bin");

    var registration =
        RegistrationDocuments.readRegistration(
            NAME, VERSION, body, new SourceUrlPolicy(Set.of("https", "s3")));

    assertThat(registration.files()).extracting(f -> f.source().scheme()).contains("s3");
  }

  // --- references into model_files

  @Test
  void givenEveryKindOfDanglingReference_readRegistration_listsThemAllAtOnce() {
    var body = putBody();
    at(body, "model_files").clear();
    at(body, "model_files").put("weights.bin", signedUrl("weights.bin"));

    assertThat(violationsReading(body))
        .extracting(Violation::path, Violation::message)
        .containsExactly(
            tuple(
                List.of("model_config", "inference_properties", "entry_script"),
                "entry_script names 'inference.py', which is not a key of model_files"),
            tuple(
                List.of("model_config", "inference_properties", "conda_env"),
                "conda_env names 'conda.yml', which is not a key of model_files"),
            tuple(
                List.of("model_config", "training_properties", "entry_script"),
                "entry_script names 'train/train.py', which is not a key of model_files"),
            tuple(
                List.of("model_config", "training_properties", "conda_env"),
                "conda_env names 'train/env.yml', which is not a key of model_files"),
            tuple(
                List.of("model_config", "preprocessing_properties", "entry_script"),
                "entry_script names 'prep/entry.py', which is not a key of model_files"),
            tuple(
                List.of("model_metainfo", "index_page_file"),
                "index_page_file names 'index.md', which is not a key of model_files"));
  }

  @Test
  void givenAReferenceToAFileWhoseUrlIsBad_readRegistration_reportsOnlyTheUrl() {
    var body = putBody();
    at(body, "model_files").put("conda.yml", "ftp://storage.example/conda.yml");

    assertThat(violationsReading(body))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("url_scheme", "model_files", "conda.yml"));
  }

  @Test
  void givenAReferenceThatIsNotAValidPath_readRegistration_reportsThePathNotTheReference() {
    var body = putBody();
    at(body, "model_config", "inference_properties").put("conda_env", "../conda.yml");

    assertThat(violationsReading(body))
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("path_invalid", "model_config", "inference_properties", "conda_env"));
  }

  @Test
  void givenManyDifferentProblems_readRegistration_reportsEveryOneTogether() {
    var body = putBody();
    at(body, "model_files").put("../evil", "file:///etc/passwd");
    at(body, "model_files").remove("train/env.yml");
    at(body, "model_config", "inference_properties").remove("conda_env");
    at(body, "model_config", "inference_properties").remove("docker_image");
    at(body, "model_config", "inference_properties").remove("docker_registry");
    at(body, "model_metainfo").put("num_params", 0);
    at(body, "model_metainfo").put("output_types", new ArrayList<>(List.of("CLASS_LABEL")));

    assertThat(violationsReading(body))
        .extracting(Violation::path, Violation::type)
        .containsExactlyInAnyOrder(
            violation("path_invalid", "model_files", "../evil"),
            violation("url_scheme", "model_files", "../evil"),
            violation("value_error", "model_config", "inference_properties"),
            violation("file_reference_unknown", "model_config", "training_properties", "conda_env"),
            violation("value_error", "model_metainfo", "output_languages"),
            violation("greater_than", "model_metainfo", "num_params"));
  }

  // --- properties sections

  @Test
  void givenATrainingSectionWithoutEnvironment_readRegistration_rejectsTheSection() {
    var body = putBody();
    at(body, "model_config", "training_properties").remove("conda_env");
    at(body, "model_files").remove("train/env.yml");

    assertThat(violationsReading(body))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("value_error", "model_config", "training_properties"));
  }

  @Test
  void givenPreprocessingWithoutTraining_readRegistration_asksForTraining() {
    var body = putBody();
    at(body, "model_config").remove("training_properties");

    assertThat(violationsReading(body))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("missing", "model_config", "training_properties"));
  }

  @Test
  void givenPreprocessingWithAnInvalidTrainingSection_readRegistration_blamesTheSectionOnce() {
    var body = putBody();
    at(body, "model_config", "training_properties").remove("entry_script");

    assertThat(violationsReading(body))
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("missing", "model_config", "training_properties", "entry_script"));
  }

  @Test
  void givenNoInferenceSection_readRegistration_asksForIt() {
    var body = putBody();
    at(body, "model_config").remove("inference_properties");

    assertThat(violationsReading(body))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("missing", "model_config", "inference_properties"));
  }

  @Test
  void givenAnIncompleteDockerRegistry_readRegistration_reportsItsFields() {
    var body = putBody();
    at(body, "model_config", "inference_properties", "docker_registry").remove("url");
    at(body, "model_config", "inference_properties", "docker_registry").remove("password");

    assertThat(violationsReading(body))
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("missing", "model_config", "inference_properties", "docker_registry", "url"),
            violation(
                "missing", "model_config", "inference_properties", "docker_registry", "password"));
  }

  @Test
  void givenANonStringPassword_readRegistration_rejectsItWithoutQuotingIt() {
    var body = putBody();
    at(body, "model_config", "inference_properties", "docker_registry").put("password", 123456789);

    assertThat(violationsReading(body))
        .extracting(Violation::path, Violation::message)
        .containsExactly(
            tuple(
                List.of("model_config", "inference_properties", "docker_registry", "password"),
                "password must be a string"));
  }

  // --- model_metainfo

  @Test
  void givenLanguagesWithOnlyClassLabelInputs_readRegistration_rejectsTheLanguages() {
    var body = putBody();
    at(body, "model_metainfo").put("input_types", List.of("CLASS_LABEL"));

    assertThat(violationsReading(body))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("value_error", "model_metainfo", "input_languages"));
  }

  @Test
  void givenMissingMetainfoFields_readRegistration_asksForEachUnderTheSection() {
    var body = putBody();
    at(body, "model_metainfo").clear();

    assertThat(violationsReading(body))
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("missing", "model_metainfo", "index_page_file"),
            violation("missing", "model_metainfo", "input_types"),
            violation("missing", "model_metainfo", "input_description"),
            violation("missing", "model_metainfo", "output_types"),
            violation("missing", "model_metainfo", "output_description"),
            violation("missing", "model_metainfo", "num_params"));
  }

  @Test
  void givenNoDescription_readRegistration_usesTheEmptyOne() {
    var body = putBody();
    at(body, "model_metainfo").remove("description");

    assertThat(read(body).description()).isEmpty();
  }

  @Test
  void givenWrongJsonTypesInMetainfo_readRegistration_reportsEachOnce() {
    var body = putBody();
    at(body, "model_metainfo")
        .putAll(
            doc(
                "num_params",
                "many",
                "input_languages",
                List.of("python", 3),
                "description",
                7,
                "input_types",
                "SOURCE_CODE"));

    assertThat(violationsReading(body))
        .extracting(Violation::path, Violation::type)
        .containsExactlyInAnyOrder(
            violation("int_type", "model_metainfo", "num_params"),
            violation("string_type", "model_metainfo", "input_languages", 1),
            violation("string_type", "model_metainfo", "description"),
            violation("list_type", "model_metainfo", "input_types"));
  }

  @Test
  void givenAWholeNumberAsDouble_readRegistration_acceptsItAsNumParams() {
    var body = putBody();
    at(body, "model_metainfo").put("num_params", 3.0e9);

    assertThat(read(body).metainfo().numParams()).isEqualTo(3_000_000_000L);
  }

  // --- POST /api/add_models

  @Test
  void givenALegacyBody_readLegacyRegistration_mapsNameVersionTypeAndDescription() {
    var registration = RegistrationDocuments.readLegacyRegistration(legacyBody());

    assertThat(registration.name()).isEqualTo(new ResourceName("gptc"));
    assertThat(registration.version()).isEqualTo(new VersionName("0.3"));
    assertThat(registration.config().type()).isEqualTo(ModelKind.SEQ2SEQ);
    assertThat(registration.description()).isEqualTo("code completion");
    assertThat(registration.visibility()).isEqualTo(Visibility.PRIVATE);
    assertThat(registration.metainfo()).isNull();
    assertThat(registration.config().inference().entryScript())
        .isEqualTo(new FilePath("gptc_deploy_entry.py"));
    assertThat(registration.fileTargets()).hasSize(3);
  }

  @Test
  void givenALegacyBodyWithIsPrivateFalse_readLegacyRegistration_registersPublicly() {
    var body = legacyBody();
    at(body, "model_config").put("is_private", false);

    assertThat(RegistrationDocuments.readLegacyRegistration(body).visibility())
        .isEqualTo(Visibility.PUBLIC);
  }

  @Test
  void givenALegacyBodyWithoutNameVersionAndType_readLegacyRegistration_asksForThemInTheConfig() {
    var body = legacyBody();
    at(body, "model_config").remove("name");
    at(body, "model_config").remove("version");
    at(body, "model_config").remove("type");

    assertThat(violationsOf(() -> RegistrationDocuments.readLegacyRegistration(body)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("missing", "model_config", "name"),
            violation("missing", "model_config", "version"),
            violation("missing", "model_config", "type"));
  }

  @Test
  void givenALegacyBodyWithBadValues_readLegacyRegistration_reportsThemUnderTheConfig() {
    var body = legacyBody();
    at(body, "model_config")
        .putAll(doc("name", "a b", "version", ".", "description", "x".repeat(1001)));
    at(body, "model_config", "inference_properties").put("conda_env", "missing.yml");

    assertThat(violationsOf(() -> RegistrationDocuments.readLegacyRegistration(body)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("string_pattern_mismatch", "model_config", "name"),
            violation("string_pattern_mismatch", "model_config", "version"),
            violation("string_too_long", "model_config", "description"),
            violation(
                "file_reference_unknown", "model_config", "inference_properties", "conda_env"));
  }

  @Test
  void givenALegacyBodyWithABadUrl_readLegacyRegistration_rejectsItAtItsKey() {
    var body = legacyBody();
    at(body, "model_files").put("model.bin", "file:///etc/shadow");

    assertThat(violationsOf(() -> RegistrationDocuments.readLegacyRegistration(body)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("url_scheme", "model_files", "model.bin"));
  }

  @Test
  void givenAnEmptyLegacyBody_readLegacyRegistration_asksForBothSections() {
    assertThat(violationsOf(() -> RegistrationDocuments.readLegacyRegistration(doc())))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("missing", "model_config"), violation("missing", "model_files"));
  }

  // --- PATCH

  @Test
  void givenAFullUpdate_readUpdate_readsVisibilityDescriptionAndMetainfo() {
    var update =
        RegistrationDocuments.readUpdate(
            doc(
                "model_config",
                doc("private", false),
                "model_metainfo",
                doc(
                    "description",
                    "new words",
                    "index_page_file",
                    "index.md",
                    "input_types",
                    List.of("NATURAL_LANGUAGE"),
                    "input_languages",
                    List.of(),
                    "num_params",
                    5)));

    assertThat(update.visibility()).isEqualTo(Visibility.PUBLIC);
    assertThat(update.description()).isEqualTo("new words");
    assertThat(update.metainfo())
        .isEqualTo(
            new MetainfoPatch(
                new FilePath("index.md"),
                List.of(DataKind.NATURAL_LANGUAGE),
                List.of(),
                null,
                null,
                null,
                null,
                5L));
  }

  @Test
  void givenIsPrivate_readUpdate_readsTheVisibility() {
    var update = RegistrationDocuments.readUpdate(doc("model_config", doc("is_private", true)));

    assertThat(update.visibility()).isEqualTo(Visibility.PRIVATE);
  }

  @Test
  void givenAnEmptyBody_readUpdate_changesNothing() {
    assertThat(RegistrationDocuments.readUpdate(doc()).isEmpty()).isTrue();
    assertThat(RegistrationDocuments.readUpdate(null).isEmpty()).isTrue();
  }

  @Test
  void givenFieldsThatCannotChange_readUpdate_rejectsEachOne() {
    var body =
        doc(
            "model_files", doc("a.bin", signedUrl("a.bin")),
            "name", "other",
            "model_config", doc("type", "ENCODER", "inference_properties", doc()),
            "model_metainfo", doc("colour", "blue"));

    assertThat(violationsOf(() -> RegistrationDocuments.readUpdate(body)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("extra_forbidden", "model_files"),
            violation("extra_forbidden", "name"),
            violation("extra_forbidden", "model_config", "inference_properties"),
            violation("extra_forbidden", "model_config", "type"),
            violation("extra_forbidden", "model_metainfo", "colour"));
  }

  @Test
  void givenBadValues_readUpdate_reportsThemAtTheirPaths() {
    var body =
        doc(
            "model_config", doc("private", "yes"),
            "model_metainfo",
                doc("index_page_file", "/etc/passwd", "output_types", List.of("SOUND")));

    assertThat(violationsOf(() -> RegistrationDocuments.readUpdate(body)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("bool_type", "model_config", "private"),
            violation("path_invalid", "model_metainfo", "index_page_file"),
            violation("enum", "model_metainfo", "output_types", 0));
  }

  @Test
  void givenAnUpdateDocument_readUpdateThenApply_changesTheModel() {
    var update =
        RegistrationDocuments.readUpdate(
            doc("model_config", doc("private", false), "model_metainfo", doc("num_params", 7)));

    var model = aRegisteredModel().update(update, LATER);

    assertThat(model.visibility()).isEqualTo(Visibility.PUBLIC);
    assertThat(model.metainfo().numParams()).isEqualTo(7L);
  }

  // --- writers

  @Test
  void givenARegisteredModel_writePublic_neverContainsThePasswordOrASignature() {
    var document = RegistrationDocuments.writePublic(aRegisteredModel());

    assertThat(document.toString()).doesNotContain(PASSWORD).doesNotContain(SIGNATURE);
    assertThat(at(document, "model_config", "inference_properties", "docker_registry"))
        .isEqualTo(Map.of("url", "registry.example", "username", "deploy"));
  }

  @Test
  void givenARegisteredModel_writePublic_showsEveryFileRedactedInOrder() {
    var files = at(RegistrationDocuments.writePublic(aRegisteredModel()), "model_files");

    assertThat(files.keySet()).containsExactlyElementsOf(FILES);
    assertThat(files.get("pytorch_model.bin")).isEqualTo(redactedUrl("pytorch_model.bin"));
  }

  @Test
  void givenARegisteredModel_writePublic_mirrorsTheRegistrationSections() {
    var document = RegistrationDocuments.writePublic(aRegisteredModel());

    assertThat(document)
        .containsEntry("name", NAME)
        .containsEntry("version", VERSION)
        .containsEntry("owner", OWNER)
        .containsEntry("state", "IMPORTING")
        .containsEntry("created_at", REGISTERED_AT.toString())
        .containsEntry("updated_at", REGISTERED_AT.toString());
    assertThat(at(document, "model_config"))
        .containsEntry("type", "DECODER")
        .containsEntry("private", true)
        .containsKeys("inference_properties", "training_properties", "preprocessing_properties");
    assertThat(at(document, "model_config", "training_properties"))
        .isEqualTo(Map.of("entry_script", "train/train.py", "conda_env", "train/env.yml"));
    assertThat(at(document, "model_metainfo"))
        .containsEntry("description", "Summarizes Python functions")
        .containsEntry("index_page_file", "index.md")
        .containsEntry("input_types", List.of("SOURCE_CODE"))
        .containsEntry("input_languages", List.of("python"))
        .containsEntry("num_params", 124_000_000L);
  }

  @Test
  void givenAnImportUnderWay_writePublic_showsProgressPerFile() {
    var weights = new FilePath("pytorch_model.bin");
    var script = new FilePath("inference.py");
    var model =
        aRegisteredModel()
            .startFile(script, 5L, LATER)
            .completeFile(script, 5, "cd".repeat(32), LATER)
            .startFile(weights, 100L, LATER)
            .recordProgress(weights, 40, LATER);

    var progress = at(RegistrationDocuments.writePublic(model), "import");

    assertThat(progress)
        .containsEntry("files_total", FILES.size())
        .containsEntry("files_stored", 1)
        .containsEntry("files_failed", 0)
        .containsEntry("bytes_copied", 45L)
        .doesNotContainKey("bytes_expected");
    assertThat(at(progress, "files", "inference.py"))
        .isEqualTo(
            Map.of(
                "state", "STORED",
                "expected_bytes", 5L,
                "bytes_copied", 5L,
                "size", 5L,
                "sha256", "cd".repeat(32)));
    assertThat(at(progress, "files", "pytorch_model.bin"))
        .isEqualTo(Map.of("state", "COPYING", "expected_bytes", 100L, "bytes_copied", 40L));
  }

  @Test
  void givenAFailedImport_writePublic_showsTheReasonPerFileWithoutSignatures() {
    var weights = new FilePath("pytorch_model.bin");
    var model =
        aRegisteredModel()
            .failFile(weights, "GET " + signedUrl("pytorch_model.bin") + " returned 403", LATER);

    var document = RegistrationDocuments.writePublic(model);

    assertThat(document).containsEntry("state", "FAILED");
    assertThat(at(document, "import", "files", "pytorch_model.bin"))
        .containsEntry("state", "FAILED")
        .containsEntry("reason", "GET " + redactedUrl("pytorch_model.bin") + " returned 403");
    assertThat(document.toString()).doesNotContain(SIGNATURE);
  }

  @Test
  void givenALegacyModel_writePublic_showsTheDescriptionOnly() {
    var model =
        RegisteredModel.create(
            MODEL_ID,
            OWNER,
            RegistrationDocuments.readLegacyRegistration(legacyBody()),
            REGISTERED_AT);

    assertThat(at(RegistrationDocuments.writePublic(model), "model_metainfo"))
        .isEqualTo(Map.of("description", "code completion"));
  }

  @Test
  void givenAPublicModel_writePublicConfig_showsPrivateFalseWithoutPassword() {
    var config = aRegisteredModel().config();

    var document = RegistrationDocuments.writePublicConfig(config, Visibility.PUBLIC);

    assertThat(document).containsEntry("private", false);
    assertThat(document.toString()).doesNotContain(PASSWORD);
  }

  @Test
  void givenAConfig_writeStoredConfigThenRead_keepsEverythingIncludingThePassword() {
    var config = aRegisteredModel().config();

    var stored = RegistrationDocuments.writeStoredConfig(config);

    assertThat(at(stored, "inference_properties", "docker_registry"))
        .containsEntry("password", PASSWORD);
    assertThat(stored).doesNotContainKey("private");
    assertThat(RegistrationDocuments.readStoredConfig(stored)).isEqualTo(config);
  }

  @Test
  void givenACorruptStoredConfig_readStoredConfig_reportsIt() {
    assertThat(violationsOf(() -> RegistrationDocuments.readStoredConfig(doc("type", "X"))))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("enum", "type"), violation("missing", "inference_properties"));
  }

  @Test
  void givenMetainfo_writeMetainfoThenRead_returnsEqualMetainfo() {
    var metainfo = aRegisteredModel().metainfo();

    var document = RegistrationDocuments.writeMetainfo(metainfo);

    assertThat(document).doesNotContainKey("description");
    assertThat(RegistrationDocuments.readMetainfo(document)).isEqualTo(metainfo);
  }
}
