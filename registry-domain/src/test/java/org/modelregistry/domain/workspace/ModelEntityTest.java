package org.modelregistry.domain.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modelregistry.domain.testdata.TestViolations.violation;
import static org.modelregistry.domain.testdata.TestViolations.violationsOf;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.error.NotFoundException;
import org.modelregistry.domain.error.Violation;
import org.modelregistry.domain.registration.Secret;
import org.modelregistry.domain.spec.ModelSpec;

class ModelEntityTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant T1 = Instant.parse("2026-01-02T00:00:00Z");
  private static final Instant T2 = Instant.parse("2026-01-03T00:00:00Z");
  private static final WorkspaceName WS = new WorkspaceName("default");

  private static ModelEntityDefinition definition() {
    return new ModelEntityDefinition(
        new EntityName("llama"),
        "first",
        new ProjectName("team"),
        ModelRef.parse("default/base"),
        FinetuningType.ALL_WEIGHTS,
        BackendFormat.OPENAI_CHAT,
        FilesetRef.parse("default/ckpt"),
        List.of(ModelRef.parse("default/nim")),
        new ApiEndpoint("https://h.example/v1", "m", new Secret("sk-entity-secret"), null),
        spec(7L),
        false,
        null,
        null,
        null);
  }

  private static ModelEntityPatch patch(String description, FilesetRef fileset, Boolean trust) {
    return new ModelEntityPatch(
        description, null, null, null, null, fileset, null, null, null, trust, null, null, null);
  }

  private static ModelSpec spec(Long parameters) {
    return new ModelSpec(
        null,
        "llama",
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        parameters,
        null,
        null,
        null);
  }

  private static ModelAdapter adapter(String name) {
    return ModelAdapter.create(
        new EntityName(name),
        null,
        FilesetRef.parse("default/" + name + "-files"),
        FinetuningType.LORA,
        null,
        new LoraConfig(8, 16),
        T1);
  }

  private static ModelEntity entity() {
    return ModelEntity.create(WS, definition(), T0);
  }

  @Test
  void givenADefinition_create_startsWithoutAdaptersAndEqualTimes() {
    var entity = entity();
    assertThat(entity.name()).isEqualTo(new EntityName("llama"));
    assertThat(entity.ref()).hasToString("default/llama");
    assertThat(entity.adapters()).isEmpty();
    assertThat(entity.createdAt()).isEqualTo(T0).isEqualTo(entity.updatedAt());
  }

  @Test
  void givenNoName_definition_reportsItMissing() {
    assertThat(
            violationsOf(
                () ->
                    new ModelEntityDefinition(
                        null,
                        "x".repeat(1001),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        false,
                        null,
                        null,
                        null)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("missing", "name"), violation("string_too_long", "description"));
  }

  @Test
  void givenAnEmptyPatch_apply_keepsEveryFieldAndMovesUpdatedAt() {
    var patched = entity().apply(ModelEntityPatch.empty(), T1);
    assertThat(patched.definition()).isEqualTo(definition());
    assertThat(patched.createdAt()).isEqualTo(T0);
    assertThat(patched.updatedAt()).isEqualTo(T1);
  }

  @Test
  void givenSomeFields_apply_changesOnlyThose() {
    var patch =
        new ModelEntityPatch(
            "second",
            null,
            null,
            FinetuningType.DPO,
            null,
            null,
            List.of(),
            null,
            spec(9L),
            true,
            null,
            null,
            null);
    var patched = entity().apply(patch, T1).definition();
    assertThat(patched.description()).isEqualTo("second");
    assertThat(patched.finetuningType()).isEqualTo(FinetuningType.DPO);
    assertThat(patched.modelProviders()).isEmpty();
    assertThat(patched.spec().baseNumParameters()).isEqualTo(9L);
    assertThat(patched.trustRemoteCode()).isTrue();
    assertThat(patched.name()).isEqualTo(definition().name());
    assertThat(patched.project()).isEqualTo(definition().project());
    assertThat(patched.baseModel()).isEqualTo(definition().baseModel());
    assertThat(patched.fileset()).isEqualTo(definition().fileset());
    assertThat(patched.apiEndpoint()).isEqualTo(definition().apiEndpoint());
    assertThat(patched.backendFormat()).isEqualTo(BackendFormat.OPENAI_CHAT);
  }

  @Test
  void givenAPatchOfFilesetOrFlag_requiresTrustCheck_saysSo() {
    var current = definition();
    assertThat(ModelEntityPatch.empty().requiresTrustCheck(current)).isFalse();
    var sameFileset = patch(null, current.fileset(), false);
    assertThat(sameFileset.requiresTrustCheck(current)).isFalse();
    var newFileset = patch(null, FilesetRef.parse("x/y"), null);
    assertThat(newFileset.requiresTrustCheck(current)).isTrue();
    var flag = patch(null, null, true);
    assertThat(flag.requiresTrustCheck(current)).isTrue();
  }

  @Test
  void givenADescriptionTooLong_apply_rejectsAtDescription() {
    var patch = patch("d".repeat(1001), null, null);
    assertThat(violationsOf(() -> entity().apply(patch, T1)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("string_too_long", "description"));
  }

  private static final PromptData PROMPT =
      new PromptData("be brief", null, Map.of("temperature", 0.3), null);

  private static ModelEntityDefinition withFreeForm(
      PromptData prompt, Map<String, Object> customFields, Map<String, Object> ownership) {
    var d = definition();
    return new ModelEntityDefinition(
        d.name(),
        d.description(),
        d.project(),
        d.baseModel(),
        d.finetuningType(),
        d.backendFormat(),
        d.fileset(),
        d.modelProviders(),
        d.apiEndpoint(),
        d.spec(),
        d.trustRemoteCode(),
        prompt,
        customFields,
        ownership);
  }

  private static ModelEntityPatch freeFormPatch(
      PromptData prompt, Map<String, Object> customFields, Map<String, Object> ownership) {
    return new ModelEntityPatch(
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        prompt,
        customFields,
        ownership);
  }

  @Test
  void givenNoFreeFormFields_definition_hasNoPromptAndEmptyObjects() {
    var d = definition();
    assertThat(d.prompt()).isNull();
    assertThat(d.customFields()).isEmpty();
    assertThat(d.ownership()).isEmpty();
    assertThat(withFreeForm(new PromptData(null, null, null, null), Map.of(), null).prompt())
        .isNull();
  }

  @Test
  void givenFreeFormObjects_definition_keepsThemInOrderAsUnmodifiableDocuments() {
    var custom = new LinkedHashMap<String, Object>();
    custom.put("z", 1.5);
    custom.put("a", List.of(7L, "x"));
    custom.put("none", null);

    var d = withFreeForm(PROMPT, custom, Map.of("team", Map.of("lead", "ada")));
    custom.put("late", true);

    assertThat(d.customFields().keySet()).containsExactly("z", "a", "none");
    assertThat(d.customFields().get("z")).isEqualTo(new BigDecimal("1.5"));
    assertThat(d.customFields().get("a")).isEqualTo(List.of(7, "x"));
    assertThat(d.ownership()).isEqualTo(Map.of("team", Map.of("lead", "ada")));
    assertThat(d.prompt()).isEqualTo(PROMPT);
    assertThatThrownBy(() -> d.customFields().put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
    // Equal content is equal whatever number types built it.
    assertThat(withFreeForm(null, Map.of("n", 5L), null))
        .isEqualTo(withFreeForm(null, Map.of("n", 5), null));
  }

  @Test
  void givenValuesJsonCannotHold_definitionAndPatch_reportEachObject() {
    Map<String, Object> bad = Map.of("when", Instant.EPOCH);
    assertThat(violationsOf(() -> withFreeForm(null, bad, bad)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("dict_type", "custom_fields"), violation("dict_type", "ownership"));
    assertThat(violationsOf(() -> freeFormPatch(null, null, bad)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("dict_type", "ownership"));
  }

  @Test
  void givenAPatchOfOneFreeFormField_apply_replacesItAndKeepsTheOthers() {
    var entity =
        ModelEntity.create(
            WS, withFreeForm(PROMPT, Map.of("tier", "gold"), Map.of("team", "nlp")), T0);

    var newPrompt = new PromptData(null, "Q: A:", null, null);
    var promptOnly = entity.apply(freeFormPatch(newPrompt, null, null), T1).definition();
    assertThat(promptOnly.prompt()).isEqualTo(newPrompt);
    assertThat(promptOnly.customFields()).isEqualTo(Map.of("tier", "gold"));
    assertThat(promptOnly.ownership()).isEqualTo(Map.of("team", "nlp"));

    var customOnly =
        entity.apply(freeFormPatch(null, Map.of("tier", "silver"), null), T1).definition();
    assertThat(customOnly.customFields()).isEqualTo(Map.of("tier", "silver"));
    assertThat(customOnly.prompt()).isEqualTo(PROMPT);
    assertThat(customOnly.ownership()).isEqualTo(Map.of("team", "nlp"));

    var kept = entity.apply(ModelEntityPatch.empty(), T1).definition();
    assertThat(kept).isEqualTo(entity.definition());
    var otherFieldsOnly = entity.apply(patch("other", null, null), T1).definition();
    assertThat(otherFieldsOnly.prompt()).isEqualTo(PROMPT);
    assertThat(otherFieldsOnly.customFields()).isEqualTo(Map.of("tier", "gold"));
  }

  @Test
  void givenEmptyFreeFormValues_apply_clearsThem() {
    var entity =
        ModelEntity.create(
            WS, withFreeForm(PROMPT, Map.of("tier", "gold"), Map.of("team", "nlp")), T0);

    var cleared =
        entity
            .apply(freeFormPatch(new PromptData(null, null, null, null), Map.of(), Map.of()), T1)
            .definition();

    assertThat(cleared.prompt()).isNull();
    assertThat(cleared.customFields()).isEmpty();
    assertThat(cleared.ownership()).isEmpty();
  }

  @Test
  void givenAPatchWithFreeFormFields_withSpec_keepsThem() {
    var patch = freeFormPatch(PROMPT, Map.of("a", 1), Map.of("b", 2));

    var derived = patch.withSpec(spec(3L));

    assertThat(derived.spec()).isEqualTo(spec(3L));
    assertThat(derived.prompt()).isEqualTo(PROMPT);
    assertThat(derived.customFields()).isEqualTo(Map.of("a", 1));
    assertThat(derived.ownership()).isEqualTo(Map.of("b", 2));
    assertThat(withFreeForm(PROMPT, Map.of("a", 1), null).withSpec(spec(3L)).prompt())
        .isEqualTo(PROMPT);
  }

  @Test
  void givenAdapters_lifecycle_addsUpdatesAndRemoves() {
    var withTwo = entity().addAdapter(adapter("a1"), T1).addAdapter(adapter("a2"), T1);
    assertThat(withTwo.adapters())
        .extracting(ModelAdapter::name)
        .extracting(EntityName::value)
        .containsExactly("a1", "a2");
    assertThat(withTwo.adapter(new EntityName("a1")).enabled()).isTrue();
    assertThat(withTwo.updatedAt()).isEqualTo(T1);

    var updated =
        withTwo.updateAdapter(
            new EntityName("a1"), new AdapterPatch("now described", false, null), T2);
    var a1 = updated.adapter(new EntityName("a1"));
    assertThat(a1.enabled()).isFalse();
    assertThat(a1.description()).isEqualTo("now described");
    assertThat(a1.fileset()).isEqualTo(FilesetRef.parse("default/a1-files"));
    assertThat(a1.loraConfig()).isEqualTo(new LoraConfig(8, 16));
    assertThat(a1.createdAt()).isEqualTo(T1);
    assertThat(a1.updatedAt()).isEqualTo(T2);

    var removed = updated.removeAdapter(new EntityName("a1"), T2);
    assertThat(removed.adapters())
        .extracting(ModelAdapter::name)
        .containsExactly(new EntityName("a2"));
  }

  @Test
  void givenADuplicateAdapterName_addAdapter_conflicts() {
    var withOne = entity().addAdapter(adapter("a1"), T1);
    assertThatThrownBy(() -> withOne.addAdapter(adapter("a1"), T2))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("a1");
  }

  @Test
  void givenAMissingAdapter_updateRemoveAndGet_areNotFound() {
    var name = new EntityName("ghost");
    assertThatThrownBy(() -> entity().updateAdapter(name, new AdapterPatch(null, null, null), T1))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("ghost");
    assertThatThrownBy(() -> entity().removeAdapter(name, T1))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> entity().adapter(name)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void givenStoredAdaptersWithADuplicate_reconstitute_reportsItsPath() {
    assertThat(
            violationsOf(
                () ->
                    ModelEntity.reconstitute(
                        WS, definition(), List.of(adapter("a"), adapter("a")), T0, T1)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(violation("duplicate", "adapters", 1, "name"));
  }

  @Test
  void givenAnAdapterWithoutRequiredFields_adapter_reportsEach() {
    assertThat(
            violationsOf(
                () -> ModelAdapter.create(null, "d".repeat(1001), null, null, null, null, T0)))
        .extracting(Violation::path, Violation::type)
        .containsExactly(
            violation("missing", "name"),
            violation("missing", "fileset"),
            violation("missing", "finetuning_type"),
            violation("string_too_long", "description"));
  }

  @Test
  void givenTheAdaptersList_isImmutable() {
    var entity = entity().addAdapter(adapter("a1"), T1);
    assertThatThrownBy(() -> entity.adapters().add(adapter("x")))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(entity.toString()).doesNotContain("sk-entity-secret").contains("****");
  }
}
