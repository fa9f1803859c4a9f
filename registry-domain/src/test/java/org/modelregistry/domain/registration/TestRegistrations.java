package org.modelregistry.domain.registration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.modelregistry.domain.naming.FilePath;

/**
 * Test data for registrations: a complete versioned registration body (every section, a docker
 * registry password, signed source URLs) as mutable maps, so that a test changes only what it is
 * about, and the domain objects read from it.
 */
public final class TestRegistrations {

  public static final String MODEL_ID = "0b6f8a52-3f8e-4d0c-9d7e-3c2a1f5e9b01";
  public static final String OWNER = "alice";
  public static final String NAME = "code-summarizer";
  public static final String VERSION = "1.0.2";
  public static final Instant REGISTERED_AT = Instant.parse("2026-03-04T05:06:07Z");
  public static final Instant LATER = Instant.parse("2026-03-04T06:00:00Z");

  /** The signature of every source URL: must never show in a response, a message or a string. */
  public static final String SIGNATURE = "sig=Z2VoZWltZXMtc2lnbmF0dXJl";

  public static final String SIGNED_QUERY = "sv=2024-05-04&se=2030-01-01&" + SIGNATURE;
  public static final String PASSWORD = "registry-pa55word";

  /** The files of the full body, in order. */
  public static final List<String> FILES =
      List.of(
          "pytorch_model.bin",
          "inference.py",
          "conda.yml",
          "train/train.py",
          "train/env.yml",
          "prep/entry.py",
          "index.md");

  private TestRegistrations() {}

  /** A signed URL of the test storage account for {@code file}. */
  public static String signedUrl(String file) {
    return "https://storage.example:8443/container/" + file + "?" + SIGNED_QUERY;
  }

  /** What {@link #signedUrl} shows once redacted. */
  public static String redactedUrl(String file) {
    return "https://storage.example:8443/container/" + file;
  }

  public static Map<String, Object> doc(Object... keysAndValues) {
    var document = new LinkedHashMap<String, Object>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      document.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return document;
  }

  /** A complete PUT body: three properties sections, a docker registry, every metainfo field. */
  public static Map<String, Object> putBody() {
    var files = new LinkedHashMap<String, Object>();
    FILES.forEach(file -> files.put(file, signedUrl(file)));
    return doc(
        "model_config",
        doc(
            "type",
            "DECODER",
            "inference_properties",
            doc(
                "entry_script",
                "inference.py",
                "conda_env",
                "conda.yml",
                "docker_image",
                "org/base:1.0",
                "docker_registry",
                doc("url", "registry.example", "username", "deploy", "password", PASSWORD)),
            "training_properties",
            doc("entry_script", "train/train.py", "conda_env", "train/env.yml"),
            "preprocessing_properties",
            doc("entry_script", "prep/entry.py", "docker_image", "org/prep:2")),
        "model_files",
        files,
        "model_metainfo",
        doc(
            "description",
            "Summarizes Python functions",
            "index_page_file",
            "index.md",
            "input_types",
            new ArrayList<>(List.of("SOURCE_CODE")),
            "input_languages",
            new ArrayList<>(List.of("python")),
            "input_description",
            "a Python function",
            "output_types",
            new ArrayList<>(List.of("NATURAL_LANGUAGE")),
            "output_languages",
            new ArrayList<>(List.of("english")),
            "output_description",
            "a one-paragraph summary",
            "num_params",
            124_000_000));
  }

  /** A POST /api/add_models body: name, version, type and description inside model_config. */
  public static Map<String, Object> legacyBody() {
    return doc(
        "model_config",
        doc(
            "name",
            "gptc",
            "version",
            "0.3",
            "type",
            "SEQ2SEQ",
            "description",
            "code completion",
            "inference_properties",
            doc("entry_script", "gptc_deploy_entry.py", "conda_env", "gptc_deploy_env.yml")),
        "model_files",
        doc(
            "model.bin", signedUrl("model.bin"),
            "gptc_deploy_entry.py", signedUrl("gptc_deploy_entry.py"),
            "gptc_deploy_env.yml", signedUrl("gptc_deploy_env.yml")));
  }

  /** The object at {@code keys} inside {@code document}, to change it in place. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> at(Map<String, Object> document, String... keys) {
    Map<String, Object> current = document;
    for (String key : keys) {
      current = (Map<String, Object>) current.get(key);
    }
    return current;
  }

  public static Registration aRegistration() {
    return RegistrationDocuments.readRegistration(NAME, VERSION, putBody());
  }

  /** The full registration, just registered by {@link #OWNER}. */
  public static RegisteredModel aRegisteredModel() {
    return RegisteredModel.create(MODEL_ID, OWNER, aRegistration(), REGISTERED_AT);
  }

  /** A registered model with every file copied and stored. */
  public static RegisteredModel aReadyModel() {
    RegisteredModel model = aRegisteredModel();
    for (String file : FILES) {
      model = model.startFile(new FilePath(file), 10L, LATER);
      model = model.completeFile(new FilePath(file), 10, "a".repeat(64), LATER);
    }
    return model;
  }

  public static ExecutionProperties condaOnly(String entryScript, String condaEnv) {
    return new ExecutionProperties(new FilePath(entryScript), new FilePath(condaEnv), null, null);
  }

  public static ModelMetainfo metainfo(String indexPage) {
    return new ModelMetainfo(
        new FilePath(indexPage),
        List.of(DataKind.SOURCE_CODE),
        List.of("python"),
        "a function",
        List.of(DataKind.NATURAL_LANGUAGE),
        List.of("english"),
        "a summary",
        1_000L);
  }

  public static ModelFileSpec file(String target) {
    return new ModelFileSpec(new FilePath(target), new SourceUrl(signedUrl(target)));
  }
}
