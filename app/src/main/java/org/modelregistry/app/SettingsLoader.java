package org.modelregistry.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.modelregistry.adapter.persistence.DatabaseOptions;
import org.modelregistry.application.registration.ImportSettings;
import org.modelregistry.domain.identity.Actor;
import org.modelregistry.domain.identity.IdentityType;
import org.modelregistry.domain.workspace.CredentialEndpoints;
import org.modelregistry.domain.workspace.TrustRemoteCodePolicy;

/**
 * Builds {@link RegistrySettings} from defaults, then {@code REGISTRY_*} environment variables,
 * then {@code --flag value} / {@code --flag=value} arguments, each overriding the one before. Every
 * setting is listed once in {@link #SETTINGS}, which also drives {@code --help}.
 */
public final class SettingsLoader {

  /** One configurable value: its flag, environment variable, default and meaning. */
  public record Setting(String flag, String defaultValue, String description, boolean secret) {

    Setting(String flag, String defaultValue, String description) {
      this(flag, defaultValue, description, false);
    }

    public String environmentVariable() {
      return "REGISTRY_" + flag.replace('-', '_').toUpperCase(Locale.ROOT);
    }
  }

  /** The setting naming the configuration file; it cannot be set inside that file. */
  static final String CONFIG = "config";

  public static final List<Setting> SETTINGS =
      List.of(
          new Setting(
              CONFIG,
              "",
              "A configuration file: Java properties whose keys are these settings' flag names"
                  + " (port=8080, s3-bucket=models); environment variables and flags override"
                  + " it."),
          new Setting("host", "0.0.0.0", "Address the HTTP server binds to."),
          new Setting("port", "8080", "HTTP port (0 picks a free port)."),
          new Setting("data-dir", "./data", "Folder for the embedded database and stored files."),
          new Setting(
              "database-url",
              "",
              "JDBC URL of the database: jdbc:sqlite:<file> (default: registry.db in the data"
                  + " folder) or jdbc:postgresql://<host>[:<port>]/<database> (shared by several"
                  + " nodes). Never echoed: it may carry credentials.",
              true),
          new Setting("database-user", "", "With PostgreSQL: the user, unless the URL names one."),
          new Setting(
              "database-password",
              "",
              "With PostgreSQL: the password, unless the URL holds one (never logged).",
              true),
          new Setting(
              "database-pool-size",
              String.valueOf(DatabaseOptions.DEFAULT_MAX_POOL_SIZE),
              "With PostgreSQL: the most connections this node keeps open."),
          new Setting(
              "max-body-bytes",
              "1048576",
              "Largest accepted JSON request body, in bytes (1 MiB); file uploads are streamed."),
          new Setting(
              "authentication",
              "api-keys",
              "api-keys (every request presents an API key) or local (no authentication: every"
                  + " request acts as the local identity; only with a loopback --host)."),
          new Setting(
              "bootstrap-admin-key",
              "",
              "API key (mr_...) of the administrator created on first start; when empty a key is"
                  + " generated and printed once.",
              true),
          new Setting(
              "anonymous-read",
              "false",
              "With --authentication api-keys: whether requests without a key may read public"
                  + " registered models (versions, their files, the lists); nothing else."),
          new Setting(
              "local-user-id",
              "local-user",
              "With --authentication local: the user id every request acts as."),
          new Setting(
              "local-identity-type",
              "user",
              "With --authentication local: the local identity's type, user or service_account."),
          new Setting(
              "max-upload-bytes",
              "107374182400",
              "Largest file one fileset upload may store, in bytes (100 GiB)."),
          new Setting("storage", "local", "Where model files are stored: local or s3."),
          new Setting(
              "storage-dir",
              "",
              "Folder of the local store (default: artifacts in the data folder)."),
          new Setting("s3-endpoint", "", "S3/MinIO endpoint URL, e.g. http://localhost:9000."),
          new Setting("s3-region", "us-east-1", "S3 region."),
          new Setting("s3-bucket", "model-registry", "S3 bucket (created when missing)."),
          new Setting("s3-prefix", "", "Key prefix inside the bucket."),
          new Setting("s3-access-key", "", "S3 access key."),
          new Setting("s3-secret-key", "", "S3 secret key (never logged).", true),
          new Setting(
              "import-allowed-hosts",
              "",
              "Comma-separated host or host:port entries that imports may fetch from even when"
                  + " they resolve to loopback or private addresses."),
          new Setting("import-parallel-files", "4", "Files copied at once, over all imports."),
          new Setting(
              "import-max-file-bytes",
              String.valueOf(ImportSettings.DEFAULTS.maxFileBytes()),
              "Largest model file accepted, in bytes (100 GiB)."),
          new Setting(
              "import-max-model-bytes",
              String.valueOf(ImportSettings.DEFAULTS.maxModelBytes()),
              "Largest total of one model version's files, in bytes (1 TiB)."),
          new Setting(
              "import-max-attempts",
              String.valueOf(ImportSettings.DEFAULTS.maxAttempts()),
              "Attempts per file before its import fails (transient errors only)."),
          new Setting("import-connect-timeout-seconds", "10", "Timeout to connect to a source."),
          new Setting(
              "import-read-timeout-seconds", "60", "Longest silence of a source while sending."),
          new Setting("import-max-redirects", "5", "Redirects one fetch follows."),
          new Setting(
              "local-identity-admin",
              "false",
              "With --authentication local: whether the local identity is an administrator."),
          new Setting(
              "trust-remote-code-sources",
              "",
              "Comma-separated source globs (s3://bucket/prefix/**, hf://org/*) whose models"
                  + " anyone may mark trust_remote_code; otherwise only administrators may."),
          new Setting(
              "secrets-dir",
              "",
              "Folder of the secrets fileset storage configs name: the secret 'name' is the file"
                  + " name, 'workspace/name' the file name in the subfolder workspace."),
          new Setting(
              "credential-endpoints",
              "",
              "Comma-separated origins (scheme://host[:port]) besides AWS S3 and huggingface.co"
                  + " that fileset secrets may be sent to, such as a MinIO or a private hub."),
          new Setting(
              "import-on-restart",
              "resume",
              "Imports a stopped server left unfinished: resume or fail."),
          new Setting(
              "node-id",
              "",
              "This node's name among several on one database (default: node-<random>, new at"
                  + " every start); 1 to 48 letters, digits, '-', '_' or '.'."),
          new Setting(
              "import-lease-seconds",
              "30",
              "How long a node's claim on an import lasts unrenewed; another node takes over the"
                  + " imports of a node silent that long."),
          new Setting(
              "shutdown-grace-seconds",
              "30",
              "On stop (SIGTERM), how long requests in flight may finish while no new connection"
                  + " is accepted; running imports then stop and resume on another node or at the"
                  + " next start."),
          new Setting(
              "log-format",
              "text",
              "text (readable lines) or json (one JSON object per line, for log collectors)."));

  private SettingsLoader() {}

  /** Whether the arguments ask for the settings overview instead of a server. */
  public static boolean wantsHelp(String[] args) {
    return List.of(args).contains("--help") || List.of(args).contains("-h");
  }

  /** The {@code --help} text: every setting with its flag, variable and default. */
  public static String help() {
    var text = new StringBuilder("Usage: java -jar model-registry.jar [--flag value ...]\n\n");
    text.append(
        "Every setting is a flag, an environment variable or a key of the --config file;\n"
            + "flags win over variables, variables over the file, the file over defaults:\n\n");
    for (Setting s : SETTINGS) {
      text.append(
          String.format(
              Locale.ROOT,
              "  --%-22s %-30s default: %s%n      %s%n",
              s.flag(),
              s.environmentVariable(),
              defaultShown(s),
              s.description()));
    }
    return text.toString();
  }

  private static String defaultShown(Setting s) {
    if (!s.defaultValue().isEmpty()) {
      return s.defaultValue();
    }
    return s.flag().equals("database-url") || s.flag().equals("storage-dir")
        ? "(derived from --data-dir)"
        : "(none)";
  }

  /**
   * Resolves and validates every setting.
   *
   * @throws InvalidSettingException naming the first setting that is unknown or unusable
   */
  public static RegistrySettings load(String[] args, Map<String, String> environment) {
    Map<String, String> flags = parseFlags(args);
    Map<String, String> values = new HashMap<>();
    for (Setting s : SETTINGS) {
      values.put(s.flag(), s.defaultValue());
    }
    String configFile = flags.getOrDefault(CONFIG, environment.getOrDefault(env(CONFIG), ""));
    if (!configFile.isBlank()) {
      values.putAll(ConfigFile.read(Path.of(configFile.trim()), known()));
    }
    for (Setting s : SETTINGS) {
      String fromEnvironment = environment.get(s.environmentVariable());
      if (fromEnvironment != null && !fromEnvironment.isBlank()) {
        values.put(s.flag(), fromEnvironment.trim());
      }
    }
    values.putAll(flags);

    Path dataDir = Path.of(values.get("data-dir"));
    String databaseUrl = values.get("database-url");
    if (databaseUrl.isBlank()) {
      databaseUrl = RegistrySettings.embeddedDatabaseUrl(dataDir);
    } else if (!databaseUrl.startsWith("jdbc:")) {
      throw invalid("database-url", databaseUrl, "a JDBC URL starting with jdbc:");
    }
    int port = parse(values, "port", Integer::parseInt, "an integer from 0 to 65535");
    if (port < 0 || port > 65_535) {
      throw invalid("port", values.get("port"), "an integer from 0 to 65535");
    }
    long maxBody = parse(values, "max-body-bytes", Long::parseLong, "a positive number of bytes");
    if (maxBody < 1) {
      throw invalid("max-body-bytes", values.get("max-body-bytes"), "a positive number of bytes");
    }
    String userId = values.get("local-user-id");
    if (userId.isBlank()) {
      throw invalid("local-user-id", userId, "a non-empty user id");
    }
    IdentityType identityType =
        parse(values, "local-identity-type", IdentityType::fromWire, "user or service_account");
    return new RegistrySettings(
        values.get("host"),
        port,
        dataDir,
        databaseUrl,
        maxBody,
        new Actor(userId, identityType),
        storage(values, dataDir),
        imports(values),
        parse(values, "local-identity-admin", SettingsLoader::parseBoolean, "true or false"),
        trustRemoteCodeSources(values),
        secretsDir(values),
        credentialEndpoints(values),
        maxUpload(values),
        authentication(values),
        bootstrapKey(values),
        anonymousRead(values),
        databaseOptions(values),
        Duration.ofSeconds(shutdownGrace(values)),
        parse(values, "log-format", RegistrySettings.LogFormat::fromWire, "text or json"));
  }

  private static String env(String flag) {
    return SETTINGS.stream()
        .filter(s -> s.flag().equals(flag))
        .findFirst()
        .orElseThrow()
        .environmentVariable();
  }

  /** Every setting a configuration file may hold: all but the file itself. */
  private static List<String> known() {
    return SETTINGS.stream().map(Setting::flag).filter(flag -> !flag.equals(CONFIG)).toList();
  }

  private static long shutdownGrace(Map<String, String> values) {
    String flag = "shutdown-grace-seconds";
    long value = parse(values, flag, Long::parseLong, "an integer from 0 to 3600");
    if (value < 0 || value > 3600) {
      throw invalid(flag, values.get(flag), "an integer from 0 to 3600");
    }
    return value;
  }

  private static DatabaseOptions databaseOptions(Map<String, String> values) {
    int poolSize =
        parse(values, "database-pool-size", Integer::parseInt, "an integer from 1 to 1000");
    if (poolSize < 1 || poolSize > 1000) {
      throw invalid(
          "database-pool-size", values.get("database-pool-size"), "an integer from 1 to 1000");
    }
    return new DatabaseOptions(
        nonBlank(values.get("database-user")),
        nonBlank(values.get("database-password")),
        poolSize,
        DatabaseOptions.DEFAULT_CONNECTION_TIMEOUT);
  }

  private static java.util.Optional<String> nonBlank(String value) {
    return value == null || value.isBlank()
        ? java.util.Optional.empty()
        : java.util.Optional.of(value);
  }

  /** Only with API keys: without authentication there is no anonymous caller to tell apart. */
  private static boolean anonymousRead(Map<String, String> values) {
    boolean on = parse(values, "anonymous-read", SettingsLoader::parseBoolean, "true or false");
    if (on && authentication(values) == RegistrySettings.Authentication.LOCAL) {
      throw invalid(
          "anonymous-read",
          values.get("anonymous-read"),
          "false with --authentication local (every request then acts as the local identity)");
    }
    return on;
  }

  private static RegistrySettings.Authentication authentication(Map<String, String> values) {
    var mode =
        parse(
            values,
            "authentication",
            RegistrySettings.Authentication::fromWire,
            "api-keys or local");
    if (mode == RegistrySettings.Authentication.LOCAL && !isLoopback(values.get("host"))) {
      throw invalid(
          "authentication",
          values.get("authentication"),
          "api-keys, or local only when --host is a loopback address such as 127.0.0.1");
    }
    return mode;
  }

  /**
   * Only literal loopback addresses and {@code localhost}: a name such as {@code 127.example.com}
   * could resolve anywhere.
   */
  private static boolean isLoopback(String host) {
    return host.equals("localhost")
        || host.equals("::1")
        || host.equals("[::1]")
        || host.matches("127(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  }

  private static java.util.Optional<String> bootstrapKey(Map<String, String> values) {
    String key = values.get("bootstrap-admin-key");
    if (key.isBlank()) {
      return java.util.Optional.empty();
    }
    if (org.modelregistry.domain.identity.ApiKeySecret.parse(key).isEmpty()) {
      // The value is a secret: the message never repeats it.
      throw new InvalidSettingException(
          "Invalid setting --bootstrap-admin-key / REGISTRY_BOOTSTRAP_ADMIN_KEY: expected an API"
              + " key of the form mr_<8 letters or digits>_<43 base64url characters>");
    }
    return java.util.Optional.of(key);
  }

  private static long maxUpload(Map<String, String> values) {
    long bytes =
        parse(values, "max-upload-bytes", Long::parseLong, "a non-negative number of bytes");
    if (bytes < 0) {
      throw invalid(
          "max-upload-bytes", values.get("max-upload-bytes"), "a non-negative number of bytes");
    }
    return bytes;
  }

  private static CredentialEndpoints credentialEndpoints(Map<String, String> values) {
    try {
      return CredentialEndpoints.of(
          list(values.get("credential-endpoints")).toArray(String[]::new));
    } catch (RuntimeException e) {
      throw invalid(
          "credential-endpoints",
          values.get("credential-endpoints"),
          "a comma-separated list of origins such as http://minio.local:9000");
    }
  }

  private static Path secretsDir(Map<String, String> values) {
    String dir = values.get("secrets-dir");
    if (dir.isBlank()) {
      return null;
    }
    Path path = Path.of(dir).toAbsolutePath().normalize();
    if (!java.nio.file.Files.isDirectory(path)) {
      throw invalid("secrets-dir", dir, "an existing folder");
    }
    return path;
  }

  private static List<String> trustRemoteCodeSources(Map<String, String> values) {
    List<String> patterns = list(values.get("trust-remote-code-sources"));
    try {
      TrustRemoteCodePolicy.of(patterns.toArray(String[]::new));
    } catch (RuntimeException e) {
      throw invalid(
          "trust-remote-code-sources",
          values.get("trust-remote-code-sources"),
          "a comma-separated list of source globs such as s3://bucket/prefix/** or hf://org/*");
    }
    return patterns;
  }

  private static boolean parseBoolean(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(text);
    };
  }

  private static List<String> list(String commaSeparated) {
    List<String> entries = new ArrayList<>();
    for (String entry : commaSeparated.split(",")) {
      if (!entry.isBlank()) {
        entries.add(entry.trim());
      }
    }
    return entries;
  }

  private static StorageOptions storage(Map<String, String> values, Path dataDir) {
    String kind = values.get("storage").toLowerCase(Locale.ROOT);
    switch (kind) {
      case "local" -> {
        String dir = values.get("storage-dir");
        return new StorageOptions.Local(
            dir.isBlank() ? RegistrySettings.embeddedStorageRoot(dataDir) : Path.of(dir));
      }
      case "s3" -> {
        String endpoint = values.get("s3-endpoint");
        if (!endpoint.startsWith("http://") && !endpoint.startsWith("https://")) {
          throw invalid(
              "s3-endpoint", endpoint, "an http:// or https:// URL (needed by --storage s3)");
        }
        for (String required : List.of("s3-bucket", "s3-access-key", "s3-secret-key")) {
          if (values.get(required).isBlank()) {
            throw invalid(required, "", "set (needed by --storage s3)");
          }
        }
        return new StorageOptions.S3(
            endpoint,
            values.get("s3-region"),
            values.get("s3-bucket"),
            values.get("s3-prefix"),
            values.get("s3-access-key"),
            values.get("s3-secret-key"));
      }
      default -> throw invalid("storage", values.get("storage"), "local or s3");
    }
  }

  private static ImportOptions imports(Map<String, String> values) {
    int parallel = positiveInt(values, "import-parallel-files");
    long maxFile = positiveLong(values, "import-max-file-bytes");
    long maxModel = positiveLong(values, "import-max-model-bytes");
    int attempts = positiveInt(values, "import-max-attempts");
    long connect = positiveLong(values, "import-connect-timeout-seconds");
    long read = positiveLong(values, "import-read-timeout-seconds");
    int redirects =
        parse(values, "import-max-redirects", Integer::parseInt, "an integer from 0 to 20");
    if (redirects < 0 || redirects > 20) {
      throw invalid(
          "import-max-redirects", values.get("import-max-redirects"), "an integer from 0 to 20");
    }
    ImportSettings.RestartPolicy onRestart =
        parse(
            values,
            "import-on-restart",
            v -> ImportSettings.RestartPolicy.valueOf(v.toUpperCase(Locale.ROOT)),
            "resume or fail");
    List<String> allowed =
        list(values.get("import-allowed-hosts")).stream()
            .map(entry -> entry.toLowerCase(Locale.ROOT))
            .toList();
    ImportSettings defaults = ImportSettings.DEFAULTS;
    return new ImportOptions(
        new ImportSettings(
            parallel,
            maxFile,
            maxModel,
            attempts,
            defaults.firstBackoff(),
            defaults.maxBackoff(),
            defaults.progressEvery(),
            onRestart),
        allowed,
        Duration.ofSeconds(connect),
        Duration.ofSeconds(read),
        redirects,
        nodeId(values),
        Duration.ofSeconds(positiveLong(values, "import-lease-seconds")));
  }

  private static String nodeId(Map<String, String> values) {
    String id = values.get("node-id");
    if (id.isBlank()) {
      byte[] random = new byte[4];
      new java.security.SecureRandom().nextBytes(random);
      return "node-" + java.util.HexFormat.of().formatHex(random);
    }
    if (!id.matches("[A-Za-z0-9._-]{1,48}")) {
      throw invalid("node-id", id, "1 to 48 letters, digits, '-', '_' or '.'");
    }
    return id;
  }

  private static int positiveInt(Map<String, String> values, String flag) {
    int value = parse(values, flag, Integer::parseInt, "a positive integer");
    if (value < 1) {
      throw invalid(flag, values.get(flag), "a positive integer");
    }
    return value;
  }

  private static long positiveLong(Map<String, String> values, String flag) {
    long value = parse(values, flag, Long::parseLong, "a positive integer");
    if (value < 1) {
      throw invalid(flag, values.get(flag), "a positive integer");
    }
    return value;
  }

  private static Map<String, String> parseFlags(String[] args) {
    Map<String, String> flags = new HashMap<>();
    List<String> known = new ArrayList<>();
    SETTINGS.forEach(s -> known.add(s.flag()));
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new InvalidSettingException("Unexpected argument '" + arg + "' (see --help)");
      }
      String name = arg.substring(2);
      String value;
      int equals = name.indexOf('=');
      if (equals >= 0) {
        value = name.substring(equals + 1);
        name = name.substring(0, equals);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new InvalidSettingException("Setting --" + name + " needs a value");
      }
      if (!known.contains(name)) {
        throw new InvalidSettingException("Unknown setting --" + name + " (see --help)");
      }
      flags.put(name, value);
    }
    return flags;
  }

  private static <T> T parse(
      Map<String, String> values, String flag, Function<String, T> parser, String expected) {
    String raw = values.get(flag);
    try {
      return parser.apply(raw);
    } catch (IllegalArgumentException e) {
      throw invalid(flag, raw, expected);
    }
  }

  private static InvalidSettingException invalid(String flag, String value, String expected) {
    Setting setting =
        SETTINGS.stream().filter(s -> s.flag().equals(flag)).findFirst().orElseThrow();
    return new InvalidSettingException(
        "Invalid setting --"
            + flag
            + " / "
            + setting.environmentVariable()
            + ": '"
            + (setting.secret() ? "***" : value)
            + "' is not "
            + expected);
  }
}
