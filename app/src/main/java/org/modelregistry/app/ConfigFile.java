package org.modelregistry.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Reads a configuration file: Java properties ({@code key=value} or {@code key: value} lines,
 * {@code #} comments) whose keys are the settings' flag names without their dashes in front. A key
 * that names no setting stops the server: a misspelt setting silently left at its default is worse
 * than no start.
 */
final class ConfigFile {

  private ConfigFile() {}

  /**
   * The file's settings, by flag name; blank values are left out (as blank environment variables
   * are).
   *
   * @throws InvalidSettingException when the file cannot be read or holds an unknown key
   */
  static Map<String, String> read(Path file, List<String> known) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      throw new InvalidSettingException(
          "Invalid setting --config / REGISTRY_CONFIG: cannot read '"
              + file
              + "' ("
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
              + ")");
    }
    Map<String, String> values = new HashMap<>();
    for (String key : properties.stringPropertyNames()) {
      String name = key.startsWith("--") ? key.substring(2) : key;
      if (!known.contains(name)) {
        throw new InvalidSettingException(
            "Unknown setting '" + key + "' in the configuration file " + file + " (see --help)");
      }
      String value = properties.getProperty(key).strip();
      if (!value.isEmpty()) {
        values.put(name, value);
      }
    }
    return values;
  }
}
