package org.modelregistry.domain.template;

import org.modelregistry.domain.error.Violations;

/** The rule shared by every container reference: registry, image and tag are all non-blank. */
final class ImageReference {

  private ImageReference() {}

  static void check(Violations violations, String registry, String image, String tag) {
    requireNonBlank(violations, registry, "registry");
    requireNonBlank(violations, image, "image");
    requireNonBlank(violations, tag, "tag");
  }

  private static void requireNonBlank(Violations violations, String value, String field) {
    if (value == null) {
      violations.add("missing", field + " is required", field);
    } else {
      violations.require(!value.isBlank(), "string_too_short", field + " must not be empty", field);
    }
  }
}
