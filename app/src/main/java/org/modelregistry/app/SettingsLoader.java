package org.modelregistry.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.modelregistry.domain.identity.Actor;
import org.modelregistry.domain.identity.IdentityType;

/**
 * Builds {@link RegistrySettings} from defaults, then {@code REGISTRY_*} environment variables,
 * then {@code --flag value} / {@code --flag=value} arguments, each overriding the one before. Every
 * setting is listed once in {@link #SETTINGS}, which also drives {@code --help}.
 */
public final class SettingsLoader {

  /** One configurable value: its flag, environment variable, default and meaning. */
  public record Setting(String flag, String defaultValue, String description) {

    public String environmentVariable() {
      return "REGISTRY_" + flag.replace('-', '_').toUpperCase(Locale.ROOT);
    }
  }

  public static final List<Setting> SETTINGS =
      List.of(
          new Setting("host", "0.0.0.0", "Address the HTTP server binds to."),
          new Setting("port", "8080", "HTTP port (0 picks a free port)."),
          new Setting("data-dir", "./data", "Folder for the embedded database and stored files."),
          new Setting(
              "database-url",
              "",
              "JDBC URL of the database (default: SQLite file registry.db in the data folder)."),
          new Setting(
              "max-body-bytes", "1048576", "Largest accepted request body, in bytes (1 MiB)."),
          new Setting(
              "local-user-id",
              "local-user",
              "User id every request acts as until authentication is configured."),
          new Setting(
              "local-identity-type",
              "user",
              "Identity type of the local identity: user or service_account."));

  private SettingsLoader() {}

  /** Whether the arguments ask for the settings overview instead of a server. */
  public static boolean wantsHelp(String[] args) {
    return List.of(args).contains("--help") || List.of(args).contains("-h");
  }

  /** The {@code --help} text: every setting with its flag, variable and default. */
  public static String help() {
    var text = new StringBuilder("Usage: java -jar model-registry.jar [--flag value ...]\n\n");
    text.append("Every setting is a flag or an environment variable (flags win):\n\n");
    for (Setting s : SETTINGS) {
      text.append(
          String.format(
              Locale.ROOT,
              "  --%-22s %-30s default: %s%n      %s%n",
              s.flag(),
              s.environmentVariable(),
              s.defaultValue().isEmpty() ? "(derived)" : s.defaultValue(),
              s.description()));
    }
    return text.toString();
  }

  /**
   * Resolves and validates every setting.
   *
   * @throws InvalidSettingException naming the first setting that is unknown or unusable
   */
  public static RegistrySettings load(String[] args, Map<String, String> environment) {
    Map<String, String> values = new HashMap<>();
    for (Setting s : SETTINGS) {
      values.put(s.flag(), s.defaultValue());
      String fromEnvironment = environment.get(s.environmentVariable());
      if (fromEnvironment != null && !fromEnvironment.isBlank()) {
        values.put(s.flag(), fromEnvironment.trim());
      }
    }
    values.putAll(parseFlags(args));

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
        values.get("host"), port, dataDir, databaseUrl, maxBody, new Actor(userId, identityType));
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
            + value
            + "' is not "
            + expected);
  }
}
