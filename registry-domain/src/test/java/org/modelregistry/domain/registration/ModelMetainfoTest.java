package org.modelregistry.domain.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modelregistry.domain.registration.DataKind.CLASS_LABEL;
import static org.modelregistry.domain.registration.DataKind.NATURAL_LANGUAGE;
import static org.modelregistry.domain.registration.DataKind.OTHER;
import static org.modelregistry.domain.registration.DataKind.SOURCE_CODE;
import static org.modelregistry.domain.testdata.TestViolations.violation;
import static org.modelregistry.domain.testdata.TestViolations.violationsOf;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.modelregistry.domain.error.Violation;
import org.modelregistry.domain.naming.FilePath;

class ModelMetainfoTest {

  private static final FilePath INDEX = new FilePath("index.md");

  private static ModelMetainfo metainfo(
      List<DataKind> inputTypes,
      List<String> inputLanguages,
      List<DataKind> outputTypes,
      List<String> outputLanguages,
      Long numParams) {
    return new ModelMetainfo(
        INDEX,
        inputTypes,
        inputLanguages,
        "input",
        outputTypes,
        outputLanguages,
        "output",
        numParams);
  }

  @Test
  void givenEveryField_create_keepsThem() {
    var metainfo =
        metainfo(List.of(SOURCE_CODE), List.of("python"), List.of(CLASS_LABEL), null, 7L);

    assertThat(metainfo.inputTypes()).containsExactly(SOURCE_CODE);
    assertThat(metainfo.inputLanguages()).containsExactly("python");
    assertThat(metainfo.outputTypes()).containsExactly(CLASS_LABEL);
    assertThat(metainfo.numParams()).isEqualTo(7L);
  }

  @Test
  void givenNoLanguageLists_create_readsThemAsEmpty() {
    var metainfo = metainfo(List.of(SOURCE_CODE), null, List.of(OTHER), null, 1L);

    assertThat(metainfo.inputLanguages()).isEmpty();
    assertThat(metainfo.outputLanguages()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(
      value = DataKind.class,
      names = {"SOURCE_CODE", "NATURAL_LANGUAGE"})
  void givenLanguagesWithALanguageKind_create_acceptsThem(DataKind kind) {
    var metainfo = metainfo(List.of(kind), List.of("go"), List.of(kind), List.of("en"), 1L);

    assertThat(metainfo.inputLanguages()).containsExactly("go");
    assertThat(metainfo.outputLanguages()).containsExactly("en");
  }

  @Test
  void givenLanguagesWithAMixOfKinds_create_acceptsThemOnceOneKindHasLanguages() {
    var metainfo =
        metainfo(List.of(CLASS_LABEL, NATURAL_LANGUAGE), List.of("en"), List.of(OTHER), null, 1L);

    assertThat(metainfo.inputLanguages()).containsExactly("en");
  }

  @ParameterizedTest
  @EnumSource(
      value = DataKind.class,
      names = {"CLASS_LABEL", "OTHER"})
  void givenLanguagesWithoutALanguageKind_create_rejectsTheLanguagesOnBothSides(DataKind kind) {
    assertThat(
            violationsOf(
                () -> metainfo(List.of(kind), List.of("python"), List.of(kind), List.of("en"), 1L)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("value_error", "input_languages"),
            violation("value_error", "output_languages"));
  }

  @Test
  void givenAnEmptyLanguageListWithoutALanguageKind_create_accepts() {
    assertThat(metainfo(List.of(OTHER), List.of(), List.of(OTHER), List.of(), 1L).inputLanguages())
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -1, Long.MIN_VALUE})
  void givenANumberOfParametersThatIsNotPositive_create_rejectsIt(long numParams) {
    assertThat(violationsOf(() -> metainfo(List.of(OTHER), null, List.of(OTHER), null, numParams)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("greater_than", "num_params"));
  }

  @Test
  void givenNothing_create_listsEveryRequiredField() {
    assertThat(
            violationsOf(() -> new ModelMetainfo(null, null, null, null, null, null, null, null)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("missing", "index_page_file"),
            violation("missing", "input_types"),
            violation("missing", "input_description"),
            violation("missing", "output_types"),
            violation("missing", "output_description"),
            violation("missing", "num_params"));
  }

  @Test
  void givenEmptyTypeLists_create_rejectsThemAsTooShort() {
    assertThat(violationsOf(() -> metainfo(List.of(), null, List.of(), null, 1L)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("too_short", "input_types"), violation("too_short", "output_types"));
  }

  @Test
  void givenARepeatedType_create_rejectsTheRepeatAtItsIndex() {
    assertThat(
            violationsOf(
                () -> metainfo(List.of(OTHER, SOURCE_CODE, OTHER), null, List.of(OTHER), null, 1L)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("value_error", "input_types", 2));
  }

  @Test
  void givenANullType_create_rejectsItAtItsIndex() {
    assertThat(
            violationsOf(
                () -> metainfo(Arrays.asList(OTHER, null), null, List.of(OTHER), null, 1L)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("missing", "input_types", 1));
  }

  @Test
  void givenBlankAndRepeatedLanguages_create_rejectsEachAtItsIndex() {
    assertThat(
            violationsOf(
                () ->
                    metainfo(
                        List.of(SOURCE_CODE),
                        List.of("python", " ", "python"),
                        List.of(OTHER),
                        null,
                        1L)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("string_too_short", "input_languages", 1),
            violation("value_error", "input_languages", 2));
  }

  @Test
  void givenTooManyLanguages_create_rejectsTheList() {
    List<String> languages =
        java.util.stream.IntStream.rangeClosed(0, ModelMetainfo.MAX_LANGUAGES)
            .mapToObj(i -> "lang" + i)
            .toList();

    assertThat(
            violationsOf(() -> metainfo(List.of(SOURCE_CODE), languages, List.of(OTHER), null, 1L)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("too_long", "input_languages"));
  }

  @Test
  void givenBlankAndOverlongDescriptions_create_rejectsBoth() {
    assertThat(
            violationsOf(
                () ->
                    new ModelMetainfo(
                        INDEX,
                        List.of(OTHER),
                        null,
                        " ",
                        List.of(OTHER),
                        null,
                        "x".repeat(1001),
                        1L)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("string_too_short", "input_description"),
            violation("string_too_long", "output_description"));
  }

  @ParameterizedTest
  @EnumSource(DataKind.class)
  void givenADataKind_hasLanguages_isTrueOnlyForSourceCodeAndNaturalLanguage(DataKind kind) {
    assertThat(kind.hasLanguages()).isEqualTo(kind == SOURCE_CODE || kind == NATURAL_LANGUAGE);
  }
}
