package org.modelregistry.domain.registration;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.modelregistry.domain.document.DocumentReader;
import org.modelregistry.domain.error.Violations;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.naming.ResourceName;
import org.modelregistry.domain.registration.RegistrationRules.FileReference;

/**
 * The document form of model registrations: plain maps with the snake_case field names of the
 * registration API ({@code model_config}, {@code model_files}, {@code model_metainfo}). Readers
 * report every violation at once, each at its path from the document root, and never quote a source
 * URL or a password. Writers come in two kinds: the public form for responses (no password, source
 * URLs redacted) and the stored form of a configuration, which keeps the password for the storage
 * adapter alone.
 */
public final class RegistrationDocuments {

  public static final String MODEL_CONFIG = "model_config";
  public static final String MODEL_FILES = "model_files";
  public static final String MODEL_METAINFO = "model_metainfo";

  private static final String PRIVATE = "private";
  private static final String IS_PRIVATE = "is_private";
  private static final List<String> SECTIONS =
      List.of(
          RegistrationConfig.INFERENCE,
          RegistrationConfig.TRAINING,
          RegistrationConfig.PREPROCESSING);
  private static final List<String> METAINFO_FIELDS =
      List.of(
          "index_page_file",
          "input_types",
          "input_languages",
          "input_description",
          "output_types",
          "output_languages",
          "output_description",
          "num_params");

  private RegistrationDocuments() {}

  // --- readers

  /** Reads a {@code PUT /api/v1.0/model/{name}/{version}} body with the default URL policy. */
  public static Registration readRegistration(
      String name, String version, Map<String, Object> body) {
    return readRegistration(name, version, body, SourceUrlPolicy.DEFAULT);
  }

  /**
   * Reads a {@code PUT /api/v1.0/model/{name}/{version}} body: {@code model_config}, {@code
   * model_files} and {@code model_metainfo}, all required. The name and version come from the path
   * (violations at {@code ["name"]} and {@code ["version"]}); a {@code model_config.name} or {@code
   * version} may repeat them but not differ. {@code model_config.owner} is ignored: the owner is
   * always the caller.
   *
   * @throws org.modelregistry.domain.error.ValidationException listing every violation
   */
  public static Registration readRegistration(
      String name, String version, Map<String, Object> body, SourceUrlPolicy policy) {
    var violations = Violations.collect();
    var r = new DocumentReader(body, violations);
    ResourceName modelName = readName(name, violations.at("name"));
    VersionName versionName = readVersion(version, violations.at("version"));
    Map<String, Object> configDocument = r.requiredObject(MODEL_CONFIG);
    Map<String, Object> filesDocument = r.requiredObject(MODEL_FILES);
    Map<String, Object> metainfoDocument = r.requiredObject(MODEL_METAINFO);
    var references = new ArrayList<FileReference>();
    Visibility visibility = null;
    RegistrationConfig config = null;
    if (configDocument != null) {
      var c = new DocumentReader(configDocument, violations.at(MODEL_CONFIG));
      requireSameAsPath(c, "name", name);
      requireSameAsPath(c, "version", version);
      visibility = readVisibility(c);
      config = readConfig(c, references);
    }
    ModelFiles files =
        filesDocument == null ? null : readFiles(filesDocument, violations.at(MODEL_FILES), policy);
    String description = null;
    ModelMetainfo metainfo = null;
    if (metainfoDocument != null) {
      Violations at = violations.at(MODEL_METAINFO);
      var m = new DocumentReader(metainfoDocument, at);
      description = m.string("description");
      RegistrationRules.checkDescription(description, at.at("description"));
      MetainfoPatch fields = readMetainfoFields(m, references);
      metainfo = at.attempt(() -> fields.applyTo(null));
    }
    if (files != null) {
      RegistrationRules.checkReferences(references, files.targets(), violations);
    }
    Visibility v = visibility;
    RegistrationConfig c = config;
    String d = description;
    ModelMetainfo mi = metainfo;
    return build(
        violations, () -> new Registration(modelName, versionName, v, d, mi, c, files.specs()));
  }

  /** Reads a {@code POST /api/add_models} body with the default URL policy. */
  public static Registration readLegacyRegistration(Map<String, Object> body) {
    return readLegacyRegistration(body, SourceUrlPolicy.DEFAULT);
  }

  /**
   * Reads a {@code POST /api/add_models} body, the older route: {@code model_config} (with {@code
   * name}, {@code version}, {@code type}, an optional {@code description}, the visibility flag and
   * the same properties sections as the versioned route) and {@code model_files}. It carries no
   * metainfo.
   *
   * @throws org.modelregistry.domain.error.ValidationException listing every violation
   */
  public static Registration readLegacyRegistration(
      Map<String, Object> body, SourceUrlPolicy policy) {
    var violations = Violations.collect();
    var r = new DocumentReader(body, violations);
    Map<String, Object> configDocument = r.requiredObject(MODEL_CONFIG);
    Map<String, Object> filesDocument = r.requiredObject(MODEL_FILES);
    var references = new ArrayList<FileReference>();
    ResourceName name = null;
    VersionName version = null;
    String description = null;
    Visibility visibility = null;
    RegistrationConfig config = null;
    if (configDocument != null) {
      Violations at = violations.at(MODEL_CONFIG);
      var c = new DocumentReader(configDocument, at);
      String nameText = c.requiredString("name");
      name = nameText == null ? null : readName(nameText, at.at("name"));
      String versionText = c.requiredString("version");
      version = versionText == null ? null : readVersion(versionText, at.at("version"));
      description = c.string("description");
      RegistrationRules.checkDescription(description, at.at("description"));
      visibility = readVisibility(c);
      config = readConfig(c, references);
    }
    ModelFiles files =
        filesDocument == null ? null : readFiles(filesDocument, violations.at(MODEL_FILES), policy);
    if (files != null) {
      RegistrationRules.checkReferences(references, files.targets(), violations);
    }
    ResourceName n = name;
    VersionName ver = version;
    Visibility v = visibility;
    String d = description;
    RegistrationConfig c = config;
    return build(violations, () -> new Registration(n, ver, v, d, null, c, files.specs()));
  }

  /**
   * Reads a {@code PATCH /api/v1.0/model/{name}/{version}} body, shaped like the registration
   * document: {@code model_config} may carry only the visibility flag ({@code private} or {@code
   * is_private}); {@code model_metainfo} may carry the description and any metainfo field, each
   * replacing the current value. Files and configuration cannot change.
   *
   * @throws org.modelregistry.domain.error.ValidationException listing every violation, including
   *     fields that cannot be updated
   */
  public static RegistrationUpdate readUpdate(Map<String, Object> body) {
    var violations = Violations.collect();
    var r = new DocumentReader(body, violations);
    r.rejectUnknown(Set.of(MODEL_CONFIG, MODEL_METAINFO), "cannot be updated");
    Visibility visibility = null;
    Map<String, Object> configDocument = r.object(MODEL_CONFIG);
    if (configDocument != null) {
      var c = new DocumentReader(configDocument, violations.at(MODEL_CONFIG));
      c.rejectUnknown(Set.of(PRIVATE, IS_PRIVATE), "cannot be updated");
      visibility = readVisibility(c);
    }
    String description = null;
    MetainfoPatch metainfo = MetainfoPatch.EMPTY;
    Map<String, Object> metainfoDocument = r.object(MODEL_METAINFO);
    if (metainfoDocument != null) {
      Violations at = violations.at(MODEL_METAINFO);
      var m = new DocumentReader(metainfoDocument, at);
      var allowed = new LinkedHashSet<>(METAINFO_FIELDS);
      allowed.add("description");
      m.rejectUnknown(allowed, "is not a metainfo field");
      description = m.string("description");
      RegistrationRules.checkDescription(description, at.at("description"));
      metainfo = readMetainfoFields(m, new ArrayList<>());
    }
    violations.throwIfAny();
    return new RegistrationUpdate(visibility, description, metainfo);
  }

  /**
   * Reads a configuration written by {@link #writeStoredConfig}.
   *
   * @throws org.modelregistry.domain.error.ValidationException when the document breaks a rule
   */
  public static RegistrationConfig readStoredConfig(Map<String, Object> document) {
    var violations = Violations.collect();
    RegistrationConfig config =
        readConfig(new DocumentReader(document, violations), new ArrayList<>());
    violations.throwIfAny();
    return config;
  }

  /**
   * Reads a metainfo document (the fields of {@code model_metainfo} but the description).
   *
   * @throws org.modelregistry.domain.error.ValidationException listing every violation
   */
  public static ModelMetainfo readMetainfo(Map<String, Object> document) {
    var violations = Violations.collect();
    MetainfoPatch fields =
        readMetainfoFields(new DocumentReader(document, violations), new ArrayList<>());
    ModelMetainfo metainfo = violations.attempt(() -> fields.applyTo(null));
    violations.throwIfAny();
    return metainfo;
  }

  // --- writers

  /**
   * The public document of a registered version, as responses show it: the registration sections
   * (without the docker registry password, source URLs redacted), the state, the import progress
   * per file, and the owner and timestamps.
   */
  public static Map<String, Object> writePublic(RegisteredModel model) {
    return new Doc()
        .put("id", model.id())
        .put("name", model.name().value())
        .put("version", model.version().value())
        .put("owner", model.ownerId())
        .put("state", model.state().name())
        .put(MODEL_CONFIG, writeConfig(model.config(), model.visibility(), false))
        .put(MODEL_FILES, writePublicFiles(model.files()))
        .put(MODEL_METAINFO, writePublicMetainfo(model.description(), model.metainfo()))
        .put("import", writeImport(model))
        .put("created_at", model.createdAt().toString())
        .put("updated_at", model.updatedAt().toString())
        .build();
  }

  /** The public form of a configuration: everything but the docker registry password. */
  public static Map<String, Object> writePublicConfig(
      RegistrationConfig config, Visibility visibility) {
    return writeConfig(config, visibility, false);
  }

  /**
   * The stored form of a configuration, <em>including the docker registry password</em>: for the
   * storage adapter only, never for a response or a log.
   */
  public static Map<String, Object> writeStoredConfig(RegistrationConfig config) {
    return writeConfig(config, null, true);
  }

  /** A metainfo document (the fields of {@code model_metainfo} but the description). */
  public static Map<String, Object> writeMetainfo(ModelMetainfo metainfo) {
    return metainfoFields(new Doc(), metainfo).build();
  }

  // --- reading parts

  private static <T> T build(Violations violations, Supplier<T> factory) {
    // Every rule was checked on the parts above, so that one response lists everything; the
    // constructor re-checks the whole and must find nothing new.
    violations.throwIfAny();
    T result = violations.attempt(factory);
    violations.throwIfAny();
    return result;
  }

  private static ResourceName readName(String text, Violations at) {
    if (text == null) {
      at.add(Violations.MISSING, "name is required");
      return null;
    }
    return at.attempt(() -> new ResourceName(text));
  }

  private static VersionName readVersion(String text, Violations at) {
    if (text == null) {
      at.add(Violations.MISSING, "version is required");
      return null;
    }
    return at.attempt(() -> new VersionName(text));
  }

  private static void requireSameAsPath(DocumentReader config, String field, String fromPath) {
    String given = config.string(field);
    config
        .violations()
        .require(
            given == null || given.equals(fromPath),
            "value_error",
            MODEL_CONFIG + "." + field + " must match the " + field + " in the request path",
            field);
  }

  /** {@code private} and {@code is_private} are both accepted; null when neither is given. */
  private static Visibility readVisibility(DocumentReader config) {
    Boolean isPrivate = config.bool(PRIVATE);
    Boolean alias = config.bool(IS_PRIVATE);
    config
        .violations()
        .require(
            isPrivate == null || alias == null || isPrivate.equals(alias),
            "value_error",
            IS_PRIVATE + " contradicts " + PRIVATE + "; give one of them",
            IS_PRIVATE);
    Boolean flag = isPrivate != null ? isPrivate : alias;
    return flag == null ? null : Visibility.ofPrivateFlag(flag);
  }

  private static RegistrationConfig readConfig(DocumentReader c, List<FileReference> references) {
    ModelKind type = c.enumValue("type", ModelKind.class);
    var sections = new ArrayList<ExecutionProperties>();
    for (String section : SECTIONS) {
      sections.add(readSection(c, section, references));
    }
    return c.violations()
        .attempt(
            () -> new RegistrationConfig(type, sections.get(0), sections.get(1), sections.get(2)));
  }

  private static ExecutionProperties readSection(
      DocumentReader config, String section, List<FileReference> references) {
    Map<String, Object> document = config.object(section);
    if (document == null) {
      return null;
    }
    Violations at = config.violations().at(section);
    var s = new DocumentReader(document, at);
    List<Object> path = List.of(MODEL_CONFIG, section);
    FilePath entryScript = fileReference(s, "entry_script", path, references);
    FilePath condaEnv = fileReference(s, "conda_env", path, references);
    String dockerImage = s.string("docker_image");
    Map<String, Object> registryDocument = s.object("docker_registry");
    DockerRegistry registry =
        registryDocument == null
            ? null
            : readDockerRegistry(registryDocument, at.at("docker_registry"));
    return at.attempt(() -> new ExecutionProperties(entryScript, condaEnv, dockerImage, registry));
  }

  private static DockerRegistry readDockerRegistry(
      Map<String, Object> document, Violations violations) {
    var r = new DocumentReader(document, violations);
    String url = r.string("url");
    String username = r.string("username");
    String password = r.string("password");
    return violations.attempt(
        () -> new DockerRegistry(url, username, password == null ? null : new Secret(password)));
  }

  /** A field naming a model file: read as a path, and remembered for the reference check. */
  private static FilePath fileReference(
      DocumentReader r, String field, List<Object> parentPath, List<FileReference> references) {
    String text = r.string(field);
    if (text == null) {
      return null;
    }
    FilePath file = r.violations().at(field).attempt(() -> new FilePath(text));
    if (file != null) {
      references.add(RegistrationRules.reference(parentPath, field, file));
    }
    return file;
  }

  private static MetainfoPatch readMetainfoFields(
      DocumentReader m, List<FileReference> references) {
    return new MetainfoPatch(
        fileReference(m, "index_page_file", List.of(MODEL_METAINFO), references),
        m.enumList("input_types", DataKind.class),
        m.stringList("input_languages"),
        m.string("input_description"),
        m.enumList("output_types", DataKind.class),
        m.stringList("output_languages"),
        m.string("output_description"),
        m.longValue("num_params"));
  }

  /** The readable entries of {@code model_files}, and every target name that was valid. */
  private record ModelFiles(List<ModelFileSpec> specs, Set<FilePath> targets) {}

  private static ModelFiles readFiles(
      Map<String, Object> document, Violations violations, SourceUrlPolicy policy) {
    var specs = new ArrayList<ModelFileSpec>();
    // A reference to a file whose URL is wrong is not dangling: targets count every valid key.
    var targets = new LinkedHashSet<FilePath>();
    document.forEach(
        (key, value) -> {
          Violations at = violations.at(key);
          FilePath target = at.attempt(() -> new FilePath(key));
          SourceUrl source = null;
          if (value instanceof String text) {
            source = at.attempt(() -> policy.parse(text));
          } else if (value == null) {
            at.add(Violations.MISSING, "a source URL is required");
          } else {
            at.add("url_type", "a source URL must be a string");
          }
          if (target != null) {
            targets.add(target);
            if (source != null) {
              specs.add(new ModelFileSpec(target, source));
            }
          }
        });
    // When every key was rejected, "at least one file" would only repeat those rejections.
    if (document.isEmpty() || !targets.isEmpty()) {
      RegistrationRules.checkTargets(List.copyOf(targets), violations);
    }
    return new ModelFiles(specs, targets);
  }

  // --- writing parts

  private static Map<String, Object> writeConfig(
      RegistrationConfig config, Visibility visibility, boolean withSecrets) {
    var doc =
        new Doc()
            .put("type", config.type().name())
            .put(PRIVATE, visibility == null ? null : visibility.isPrivate());
    doc.put(RegistrationConfig.INFERENCE, writeSection(config.inference(), withSecrets));
    doc.put(RegistrationConfig.TRAINING, writeSection(config.training(), withSecrets));
    doc.put(RegistrationConfig.PREPROCESSING, writeSection(config.preprocessing(), withSecrets));
    return doc.build();
  }

  private static Map<String, Object> writeSection(
      ExecutionProperties section, boolean withSecrets) {
    if (section == null) {
      return null;
    }
    DockerRegistry registry = section.dockerRegistry();
    Map<String, Object> registryDocument = null;
    if (registry != null) {
      registryDocument =
          new Doc()
              .put("url", registry.url())
              .put("username", registry.username())
              .put(
                  "password",
                  withSecrets && registry.password() != null ? registry.password().value() : null)
              .build();
    }
    return new Doc()
        .put("entry_script", path(section.entryScript()))
        .put("conda_env", path(section.condaEnv()))
        .put("docker_image", section.dockerImage())
        .put("docker_registry", registryDocument)
        .build();
  }

  private static Map<String, Object> writePublicFiles(List<FileImport> files) {
    var doc = new Doc();
    files.forEach(f -> doc.put(f.target().value(), f.source().redacted()));
    return doc.build();
  }

  private static Map<String, Object> writePublicMetainfo(
      String description, ModelMetainfo metainfo) {
    var doc = new Doc().put("description", description);
    return metainfo == null ? doc.build() : metainfoFields(doc, metainfo).build();
  }

  private static Doc metainfoFields(Doc doc, ModelMetainfo metainfo) {
    return doc.put("index_page_file", path(metainfo.indexPageFile()))
        .put("input_types", names(metainfo.inputTypes()))
        .put("input_languages", metainfo.inputLanguages())
        .put("input_description", metainfo.inputDescription())
        .put("output_types", names(metainfo.outputTypes()))
        .put("output_languages", metainfo.outputLanguages())
        .put("output_description", metainfo.outputDescription())
        .put("num_params", metainfo.numParams());
  }

  private static Map<String, Object> writeImport(RegisteredModel model) {
    ImportProgress progress = model.progress();
    var files = new Doc();
    for (FileImport file : model.files()) {
      files.put(
          file.target().value(),
          new Doc()
              .put("state", file.state().name())
              .put("expected_bytes", file.expectedBytes())
              .put("bytes_copied", file.bytesCopied())
              .put("size", file.size())
              .put("sha256", file.sha256())
              .put("reason", file.failureReason())
              .build());
    }
    return new Doc()
        .put("files_total", progress.totalFiles())
        .put("files_stored", progress.storedFiles())
        .put("files_failed", progress.failedFiles())
        .put("bytes_copied", progress.bytesCopied())
        .put("bytes_expected", progress.bytesExpected())
        .put("files", files.build())
        .build();
  }

  private static String path(FilePath path) {
    return path == null ? null : path.value();
  }

  private static List<String> names(List<DataKind> kinds) {
    return kinds.stream().map(Enum::name).toList();
  }

  /** Builds a plain JSON document in field order, leaving out absent (null) values. */
  private static final class Doc {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    Doc put(String key, Object value) {
      if (value != null) {
        fields.put(key, value);
      }
      return this;
    }

    Map<String, Object> build() {
      return Collections.unmodifiableMap(fields);
    }
  }
}
