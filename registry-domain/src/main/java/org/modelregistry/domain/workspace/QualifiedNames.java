package org.modelregistry.domain.workspace;

import org.modelregistry.domain.error.ValidationException;

/** Splits and checks {@code workspace/name} references, with one message for every defect. */
final class QualifiedNames {

  private QualifiedNames() {}

  static String[] split(String text, String what, String format) {
    String[] parts = text == null ? new String[0] : text.split("/", -1);
    if (parts.length != 2 || !NameRules.isName(parts[0]) || !NameRules.isName(parts[1])) {
      throw ValidationException.of(
          what + " must have the form " + format + ", each part a valid name",
          "string_pattern_mismatch");
    }
    return parts;
  }
}
