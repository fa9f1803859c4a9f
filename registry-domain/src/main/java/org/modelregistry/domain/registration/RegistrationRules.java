package org.modelregistry.domain.registration;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.modelregistry.domain.error.Violations;
import org.modelregistry.domain.naming.BoundedText;
import org.modelregistry.domain.naming.FilePath;

/**
 * The rules of a registration that span several value objects, in one place so that the records and
 * the document reader (which checks partial documents to report everything at once) apply the same
 * ones.
 */
final class RegistrationRules {

  /** A registration names at most this many files; sharded checkpoints stay far below it. */
  static final int MAX_FILES = 1000;

  static final String UNKNOWN_FILE = "file_reference_unknown";

  private RegistrationRules() {}

  /** A model file named by a field ({@code path} from the document root, ending in the field). */
  record FileReference(List<Object> path, String field, FilePath file) {

    FileReference {
      path = List.copyOf(path);
    }
  }

  static FileReference reference(List<Object> parentPath, String field, FilePath file) {
    var path = new ArrayList<Object>(parentPath);
    path.add(field);
    return new FileReference(path, field, file);
  }

  /**
   * Reports every reference whose file is not among {@code targets}, at the reference's own path
   * and naming the missing key, so that one response lists them all.
   */
  static void checkReferences(
      List<FileReference> references, Set<FilePath> targets, Violations root) {
    for (FileReference reference : references) {
      root.require(
          targets.contains(reference.file()),
          UNKNOWN_FILE,
          reference.field()
              + " names '"
              + reference.file()
              + "', which is not a key of model_files",
          reference.path().toArray());
    }
  }

  /**
   * The target names of {@code model_files}: at least one, at most {@link #MAX_FILES}, each once,
   * and none inside another (storage is a tree: {@code a} cannot be a file and a folder at once).
   * Paths are relative to {@code model_files}.
   */
  static void checkTargets(List<FilePath> targets, Violations violations) {
    violations.require(!targets.isEmpty(), "too_short", "model_files must name at least one file");
    violations.require(
        targets.size() <= MAX_FILES,
        "too_long",
        "model_files may name at most " + MAX_FILES + " files");
    var seen = new HashSet<FilePath>();
    for (FilePath target : targets) {
      violations.require(
          seen.add(target), "value_error", "this file is listed more than once", target.value());
    }
    for (FilePath target : seen) {
      String value = target.value();
      for (int slash = value.indexOf('/'); slash >= 0; slash = value.indexOf('/', slash + 1)) {
        String ancestor = value.substring(0, slash);
        violations.require(
            !seen.contains(new FilePath(ancestor)),
            "value_error",
            "'" + value + "' lies inside '" + ancestor + "', which is a file itself",
            value);
      }
    }
  }

  static void checkDescription(String description, Violations violations) {
    violations.attempt(
        () -> BoundedText.requireAtMost(description, BoundedText.DESCRIPTION_MAX, "description"));
  }

  /**
   * A single token such as an image reference or a registry host: not blank, at most {@code max}
   * characters, no whitespace or control characters (which no such token contains and which would
   * break the command lines they end up in).
   */
  static void checkToken(Violations violations, String value, int max, String field) {
    if (value.isBlank()) {
      violations.add("string_too_short", field + " must not be empty");
      return;
    }
    violations.require(
        value.length() <= max,
        "string_too_long",
        field + " must be at most " + max + " characters");
    violations.require(
        value.codePoints().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c)),
        "string_pattern_mismatch",
        field + " must not contain whitespace or control characters");
  }
}
