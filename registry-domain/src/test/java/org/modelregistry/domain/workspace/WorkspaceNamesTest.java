package org.modelregistry.domain.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modelregistry.domain.testdata.TestViolations.violation;
import static org.modelregistry.domain.testdata.TestViolations.violationsOf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modelregistry.domain.error.Violation;

class WorkspaceNamesTest {

  @ParameterizedTest
  @ValueSource(strings = {"llama-3.1-8b", "my_model", "A", "...", ".hidden", "a..b"})
  void givenAllowedCharacters_entityName_accepts(String text) {
    assertThat(new EntityName(text).value()).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a/b", "a b", "ünï", "a:b", "a\nb", "*", "a\\b"})
  void givenAForbiddenCharacter_entityName_rejectsThePattern(String text) {
    assertThat(violationsOf(() -> new EntityName(text)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("string_pattern_mismatch"));
  }

  @ParameterizedTest
  @ValueSource(strings = {".", ".."})
  void givenADotSegment_entityName_rejects(String text) {
    assertThat(violationsOf(() -> new EntityName(text)))
        .extracting(Violation::message)
        .containsExactly("name cannot be '.' or '..'");
  }

  @Test
  void givenEmptyOrTooLong_entityName_rejectsTheLength() {
    assertThat(violationsOf(() -> new EntityName("")))
        .extracting(Violation::type)
        .containsExactly("string_too_short");
    assertThat(violationsOf(() -> new EntityName("a".repeat(256))))
        .extracting(Violation::type)
        .containsExactly("string_too_long");
    assertThat(new EntityName("a".repeat(255)).value()).hasSize(255);
  }

  @Test
  void givenABadWorkspace_workspaceName_namesTheWorkspace() {
    assertThat(violationsOf(() -> new WorkspaceName("..")))
        .extracting(Violation::message)
        .containsExactly("workspace cannot be '.' or '..'");
    assertThat(violationsOf(() -> new WorkspaceName(null)))
        .extracting(Violation::type)
        .containsExactly("string_too_short");
  }

  @ParameterizedTest
  @ValueSource(strings = {"urn:x", "a b", "a\\b", "p?q"})
  void givenAForbiddenCharacter_projectName_rejects(String text) {
    assertThat(violationsOf(() -> new ProjectName(text)))
        .extracting(Violation::type)
        .containsExactly("string_pattern_mismatch");
  }

  @Test
  void givenSlashesAndDots_projectName_accepts() {
    assertThat(new ProjectName("team/vision.v2_x-y").value()).isEqualTo("team/vision.v2_x-y");
    assertThat(violationsOf(() -> new ProjectName("p".repeat(256))))
        .extracting(Violation::type)
        .containsExactly("string_too_long");
  }

  @Test
  void givenWorkspaceAndName_filesetRef_parsesAndPrintsBothParts() {
    var ref = FilesetRef.parse("default/llama-ckpt");
    assertThat(ref.workspace()).isEqualTo(new WorkspaceName("default"));
    assertThat(ref.name()).isEqualTo(new EntityName("llama-ckpt"));
    assertThat(ref).hasToString("default/llama-ckpt");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "noslash", "a/b/c", "/b", "a/", "../b", "a/..", "a b/c", "a/./"})
  void givenAMalformedReference_parse_rejectsWithTheFormat(String text) {
    assertThat(violationsOf(() -> FilesetRef.parse(text)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("string_pattern_mismatch"));
    assertThat(violationsOf(() -> ModelRef.parse(text)))
        .extracting(Violation::message)
        .containsExactly("reference must have the form {workspace}/{name}, each part a valid name");
  }

  @Test
  void givenNull_parse_rejects() {
    assertThat(violationsOf(() -> ModelRef.parse(null))).hasSize(1);
    assertThat(ModelRef.parse("ws/base.model")).hasToString("ws/base.model");
  }

  @Test
  void givenEveryWireValue_enums_roundTrip() {
    for (var type : FinetuningType.values()) {
      assertThat(FinetuningType.fromWire(type.wire())).isEqualTo(type);
    }
    assertThat(FinetuningType.values()).hasSize(25);
    assertThat(FinetuningType.fromWire("p_tuning_v2")).isEqualTo(FinetuningType.P_TUNING_V2);
    assertThat(BackendFormat.fromWire("ANTHROPIC_MESSAGES"))
        .isEqualTo(BackendFormat.ANTHROPIC_MESSAGES);
    assertThat(FilesetPurpose.fromWire("dataset")).isEqualTo(FilesetPurpose.DATASET);
  }

  @ParameterizedTest
  @ValueSource(strings = {"LORA", "openai_chat", "", "lora "})
  void givenAnUnknownWireValue_fromWire_rejectsAsEnum(String text) {
    assertThat(violationsOf(() -> FinetuningType.fromWire(text)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("enum"));
    assertThat(violationsOf(() -> BackendFormat.fromWire(text)))
        .extracting(Violation::message)
        .containsExactly("must be one of OPENAI_CHAT, ANTHROPIC_MESSAGES");
  }

  @Test
  void givenNull_fromWire_rejects() {
    assertThat(violationsOf(() -> FilesetPurpose.fromWire(null)))
        .extracting(Violation::type)
        .containsExactly("enum");
  }

  @ParameterizedTest
  @ValueSource(strings = {"hf-token", "team/aws_key", "a"})
  void givenAValidReference_secretRef_accepts(String text) {
    assertThat(new SecretRef(text)).hasToString(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Upper", "a/b/c", "../x", "a b", "/a", "a/"})
  void givenAnInvalidReference_secretRef_rejects(String text) {
    assertThat(violationsOf(() -> new SecretRef(text)))
        .extracting(Violation::type)
        .containsExactly("string_pattern_mismatch");
  }

  @Test
  void givenARankBelowOneOrMissing_loraConfig_rejectsAtRank() {
    assertThat(violationsOf(() -> new LoraConfig(0, 0)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("greater_than_equal", "rank"), violation("greater_than_equal", "alpha"));
    assertThat(violationsOf(() -> new LoraConfig(null, 16)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("missing", "rank"));
    assertThat(new LoraConfig(8, null).rank()).isEqualTo(8);
  }
}
