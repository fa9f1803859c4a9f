package org.modelregistry.domain.registration;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.modelregistry.domain.error.Violations;
import org.modelregistry.domain.naming.BoundedText;
import org.modelregistry.domain.naming.FilePath;

/**
 * What a model version consumes and produces, for the people choosing a model ({@code
 * model_metainfo} on the wire, except the one-line description, which the version keeps itself).
 * Every field is required except the language lists, which are allowed only next to a data kind
 * written in a language ({@link DataKind#hasLanguages()}); absent language lists read as empty.
 */
public record ModelMetainfo(
    FilePath indexPageFile,
    List<DataKind> inputTypes,
    List<String> inputLanguages,
    String inputDescription,
    List<DataKind> outputTypes,
    List<String> outputLanguages,
    String outputDescription,
    Long numParams) {

  /** More languages than this is a listing mistake, not a model. */
  public static final int MAX_LANGUAGES = 100;

  public static final int MAX_LANGUAGE_LENGTH = BoundedText.IDENTIFIER_MAX;

  public ModelMetainfo {
    var violations = Violations.collect();
    violations.require(
        indexPageFile != null,
        Violations.MISSING,
        "index_page_file is required",
        "index_page_file");
    checkSide(violations, "input", inputTypes, inputLanguages, inputDescription);
    checkSide(violations, "output", outputTypes, outputLanguages, outputDescription);
    if (numParams == null) {
      violations.add(Violations.MISSING, "num_params is required", "num_params");
    } else {
      violations.require(
          numParams > 0, "greater_than", "num_params must be a positive number", "num_params");
    }
    violations.throwIfAny();
    inputTypes = List.copyOf(inputTypes);
    outputTypes = List.copyOf(outputTypes);
    inputLanguages = inputLanguages == null ? List.of() : List.copyOf(inputLanguages);
    outputLanguages = outputLanguages == null ? List.of() : List.copyOf(outputLanguages);
  }

  private static void checkSide(
      Violations violations,
      String side,
      List<DataKind> types,
      List<String> languages,
      String description) {
    String typesField = side + "_types";
    String languagesField = side + "_languages";
    String descriptionField = side + "_description";
    if (types == null) {
      violations.add(Violations.MISSING, typesField + " is required", typesField);
    } else if (types.isEmpty()) {
      violations.add("too_short", typesField + " must list at least one type", typesField);
    } else {
      var seen = new HashSet<DataKind>();
      for (int i = 0; i < types.size(); i++) {
        DataKind kind = types.get(i);
        if (kind == null) {
          violations.add(Violations.MISSING, typesField + " items must not be null", typesField, i);
        } else {
          violations.require(
              seen.add(kind),
              "value_error",
              kind + " is listed more than once in " + typesField,
              typesField,
              i);
        }
      }
    }
    if (languages != null && !languages.isEmpty()) {
      checkLanguages(violations.at(languagesField), languages, languagesField);
      // Only meaningful when the type list itself was readable; otherwise its own violation
      // already explains the problem.
      if (types != null && !types.isEmpty() && types.stream().noneMatch(Objects::isNull)) {
        violations.require(
            types.stream().anyMatch(DataKind::hasLanguages),
            "value_error",
            languagesField
                + " are only allowed when "
                + typesField
                + " include SOURCE_CODE or NATURAL_LANGUAGE",
            languagesField);
      }
    }
    if (description == null) {
      violations.add(Violations.MISSING, descriptionField + " is required", descriptionField);
    } else {
      violations
          .at(descriptionField)
          .attempt(
              () ->
                  BoundedText.requireNonBlank(
                      description, BoundedText.DESCRIPTION_MAX, descriptionField));
    }
  }

  private static void checkLanguages(Violations violations, List<String> languages, String field) {
    violations.require(
        languages.size() <= MAX_LANGUAGES,
        "too_long",
        field + " may list at most " + MAX_LANGUAGES + " languages");
    var seen = new HashSet<String>();
    for (int i = 0; i < languages.size(); i++) {
      String language = languages.get(i);
      if (language == null) {
        violations.add(Violations.MISSING, field + " items must not be null", i);
        continue;
      }
      int index = i;
      violations
          .at(index)
          .attempt(() -> BoundedText.requireNonBlank(language, MAX_LANGUAGE_LENGTH, "a language"));
      violations.require(
          seen.add(language), "value_error", field + " lists this language more than once", i);
    }
  }

  /** The model files this metainfo names: the index page. */
  List<RegistrationRules.FileReference> fileReferences() {
    return List.of(
        RegistrationRules.reference(List.of("model_metainfo"), "index_page_file", indexPageFile));
  }
}
