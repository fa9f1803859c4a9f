package org.modelregistry.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a configuration file: one {@code key = value} (or {@code key: value}) per line, {@code #}
 * and {@code !} starting comments, keys the settings' flag names without their dashes. Values are
 * taken literally, to the end of the line and trimmed: no escapes and no continued lines, so a
 * password with a backslash or a Windows path stays as written (Java properties would change both
 * silently). A key that names no setting stops the server: a misspelt setting silently left at its
 * default is worse than no start.
 */
final class ConfigFile {

  private ConfigFile() {}

  /**
   * The file's settings, by flag name; blank values are left out (as blank environment variables
   * are).
   *
   * @throws InvalidSettingException when the file cannot be read, a line is no setting, or a key is
   *     unknown or repeated
   */
  static Map<String, String> read(Path file, List<String> known) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      throw new InvalidSettingException(
          "Invalid setting --config / REGISTRY_CONFIG: cannot read '"
              + file
              + "' ("
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
              + ")");
    }
    Map<String, String> values = new HashMap<>();
    for (int number = 1; number <= lines.size(); number++) {
      String line = lines.get(number - 1).strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
        continue;
      }
      int separator = separator(line);
      if (separator < 0) {
        throw new InvalidSettingException(
            "Line " + number + " of the configuration file " + file + " is not 'key = value'");
      }
      String key = line.substring(0, separator).strip();
      String name = key.startsWith("--") ? key.substring(2) : key;
      if (!known.contains(name)) {
        throw new InvalidSettingException(
            "Unknown setting '" + key + "' in the configuration file " + file + " (see --help)");
      }
      if (values.containsKey(name)) {
        throw new InvalidSettingException(
            "Setting '" + key + "' appears twice in the configuration file " + file);
      }
      String value = line.substring(separator + 1).strip();
      if (!value.isEmpty()) {
        values.put(name, value);
      }
    }
    return values;
  }

  /** The first {@code =} or {@code :}: keys hold neither, values may hold both (URLs). */
  private static int separator(String line) {
    int equals = line.indexOf('=');
    int colon = line.indexOf(':');
    if (equals < 0) {
      return colon;
    }
    return colon < 0 ? equals : Math.min(equals, colon);
  }
}
