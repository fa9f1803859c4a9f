package org.modelregistry.ports.out.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modelregistry.domain.testdata.TestModels.aModel;
import static org.modelregistry.domain.testdata.TestTemplates.aTemplate;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.identity.Actor;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.identity.IdentityType;
import org.modelregistry.domain.model.BaseModelDetails;
import org.modelregistry.domain.model.BaseModelMetadata;
import org.modelregistry.domain.model.Model;
import org.modelregistry.domain.model.ModelDefinition;
import org.modelregistry.domain.model.ModelPatch;
import org.modelregistry.domain.model.ModelVendor;
import org.modelregistry.domain.model.UiModelSectionType;
import org.modelregistry.domain.naming.ResourceName;
import org.modelregistry.domain.template.ModelType;
import org.modelregistry.domain.template.ParameterType;
import org.modelregistry.domain.template.Template;
import org.modelregistry.domain.testdata.TestModels;
import org.modelregistry.domain.testdata.TestNumbers;
import org.modelregistry.domain.testdata.TestTemplates;
import org.modelregistry.ports.in.ModelQuery;
import org.modelregistry.ports.in.ModelSort;
import org.modelregistry.ports.in.ModelSortField;
import org.modelregistry.ports.paging.Page;
import org.modelregistry.ports.paging.PageRequest;
import org.modelregistry.ports.paging.SortDirection;

/**
 * The behaviour every {@link org.modelregistry.ports.out.ModelRepository} shares; extend it once
 * per implementation.
 */
public abstract class ModelRepositoryContract extends RegistryStoreContract {

  private static final Actor BOB = new Actor("bob", IdentityType.USER);
  private static final Actor CAROL = new Actor("carol", IdentityType.SERVICE_ACCOUNT);

  private static final Comparator<Model> DEFAULT_ORDER =
      Comparator.comparing(Model::createdAt).thenComparing(Model::id);

  private Page<Model> list(
      Optional<String> account,
      Optional<ModelType> type,
      Optional<String> group,
      List<ModelSort> sort,
      PageRequest page) {
    return models.list(new ModelQuery(SEES_ALL, account, type, group, sort, page));
  }

  private Page<Model> listAll(PageRequest page) {
    return list(Optional.empty(), Optional.empty(), Optional.empty(), List.of(), page);
  }

  private Page<Model> listSorted(List<ModelSort> sort, PageRequest page) {
    return list(Optional.empty(), Optional.empty(), Optional.empty(), sort, page);
  }

  private static ModelSort asc(ModelSortField field) {
    return new ModelSort(field, SortDirection.ASC);
  }

  private static ModelSort desc(ModelSortField field) {
    return new ModelSort(field, SortDirection.DESC);
  }

  // ---- round trip ------------------------------------------------------------------------

  @Test
  void givenModelWithEveryField_insertThenFindById_returnsAnEqualModel() {
    Template template =
        stored(
            aTemplate()
                .withModelType(ModelType.CHAT_COMPLETION)
                .withCreationParameter("base", ParameterType.STR, true)
                .withCreationParameter("epochs", ParameterType.INT, false)
                .withCreationParameter("huge", ParameterType.INT, false)
                .withCreationParameter("rate", ParameterType.FLOAT, false)
                .withCreationParameter("lora", ParameterType.BOOL, false)
                .withRequestParameter("temperature", ParameterType.FLOAT, true));
    var metadata =
        new BaseModelMetadata(
            UiModelSectionType.PARTNER,
            "Example Labs",
            "https://example.com/license",
            "2025-06-01",
            new BaseModelDetails(70_000_000_000L, 200_000L, 42L, 3L));
    Model model =
        stored(
            aModel()
                .fromTemplate(template)
                .withName("support-bot_v2.1")
                .withDisplayName("Support bot")
                .withDescription("Answers \"support\" questions in Deutsch, français and 日本語")
                .withModelVendor(ModelVendor.ANTHROPIC)
                .withBaseModelId("example-base-70b")
                .withBaseModelMetadata(metadata)
                .withCreationParameter("base", "example-base")
                .withCreationParameter("epochs", 3)
                .withCreationParameter("huge", new BigInteger("123456789012345678901234567890"))
                .withCreationParameter("rate", new BigDecimal("0.000125"))
                .withCreationParameter("lora", true)
                .withModelCard("# Support bot\n\nLine two.")
                .withTrainingDataCard("## Data\n- tickets")
                .withModelGroupId("group-7")
                .createdAt(Instant.parse("2026-02-03T04:05:06.654321Z"))
                .createdBy(CAROL));

    Optional<Model> found = models.findById(model.id());

    assertThat(found).contains(model);
    Model read = found.get();
    assertThat(read.definition()).isEqualTo(model.definition());
    assertThat(read.requestSchema()).isEqualTo(model.requestSchema()).isNotEmpty();
    assertThat(read.responseSchema()).isEqualTo(model.responseSchema()).isNotEmpty();
    assertThat(read.createdAt()).isEqualTo(Instant.parse("2026-02-03T04:05:06.654321Z"));
    assertThat(read.createdBy()).isEqualTo(CAROL);
  }

  @Test
  void givenCreationParametersOfEveryJsonKind_insertThenFindById_returnsThemExactly() {
    var nested = new LinkedHashMap<String, Object>();
    nested.put("list", List.of(1, "two", Map.of("three", new BigDecimal("3.0"))));
    nested.put("empty_map", Map.of());
    nested.put("empty_list", List.of());
    nested.put("nothing", null);
    TestModels builder =
        aModel()
            .withCreationParameter("text", "tab\t, quote \", unicode ✓")
            .withCreationParameter("int", 42)
            .withCreationParameter("negative", -7)
            .withCreationParameter("long", 9_007_199_254_740_993L)
            .withCreationParameter("big_int", new BigInteger("-98765432109876543210987654321"))
            .withCreationParameter("float", new BigDecimal("0.1"))
            .withCreationParameter("precise", new BigDecimal("3.14159265358979323846264338327950"))
            .withCreationParameter("trailing_zero", new BigDecimal("1.50"))
            .withCreationParameter("exponent", new BigDecimal("6.02E+23"))
            .withCreationParameter("yes", true)
            .withCreationParameter("no", false)
            .withCreationParameter("nested", nested);
    ModelDefinition definition = builder.definition();
    Model model =
        Model.reconstitute(
            "model-json-kinds",
            definition,
            Map.of("type", "object", "minItems", 1, "additionalProperties", true),
            Map.of("type", "object", "required", List.of("x")),
            at(5),
            TestTemplates.ALICE);
    models.insert(model);

    Model read = models.findById(model.id()).orElseThrow();

    assertThat(read).isEqualTo(model);
    assertThat(read.definition().modelCreationParameters())
        .isEqualTo(definition.modelCreationParameters());
  }

  @Test
  void givenParametersAsTheHttpAdapterReadsThem_insertThenFindById_returnsTheSameTypesAndValues() {
    TestTemplates template = aTemplate();
    TestNumbers.parameterTypes()
        .forEach((name, type) -> template.withCreationParameter(name, type, true));
    TestModels builder = aModel().fromTemplate(stored(template));
    TestNumbers.parameters().forEach(builder::withCreationParameter);
    Model model = stored(builder);

    Model read = models.findById(model.id()).orElseThrow();

    assertThat(read.definition().modelCreationParameters()).isEqualTo(TestNumbers.parameters());
    assertThat(read).isEqualTo(model);
  }

  @Test
  void givenMinimalModel_insertThenFindById_keepsOptionalFieldsAbsent() {
    Model model = stored(aModel());

    Model read = models.findById(model.id()).orElseThrow();

    assertThat(read).isEqualTo(model);
    ModelDefinition d = read.definition();
    assertThat(d.displayName()).isNull();
    assertThat(d.description()).isNull();
    assertThat(d.modelVendor()).isNull();
    assertThat(d.baseModelId()).isNull();
    assertThat(d.baseModelMetadata()).isNull();
    assertThat(d.modelCreationParameters()).isNull();
    assertThat(d.modelCard()).isNull();
    assertThat(d.trainingDataCard()).isNull();
    assertThat(d.modelTemplateId()).isNull();
    assertThat(d.modelGroupId()).isNull();
  }

  @Test
  void givenBaseModelMetadataWithoutDetails_insertThenFindById_returnsAnEqualModel() {
    Model model =
        stored(
            aModel()
                .withBaseModelMetadata(
                    new BaseModelMetadata(UiModelSectionType.OPENSOURCE, null, null, null, null)));

    assertThat(models.findById(model.id())).contains(model);
  }

  @Test
  void givenNoModels_findById_returnsEmpty() {
    assertThat(models.findById("no-such-model")).isEmpty();
  }

  // ---- uniqueness --------------------------------------------------------------------------

  @Test
  void givenModelNameTakenInAccount_insert_throwsConflictAndKeepsTheFirst() {
    Model first = stored(aModel().withName("shared-name"));
    Model second = aModel().withName("shared-name").build();

    assertThatThrownBy(() -> models.insert(second))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("shared-name");
    assertThat(models.findById(first.id())).contains(first);
    assertThat(models.findById(second.id())).isEmpty();
  }

  @Test
  void givenModelNameTakenInAnotherAccount_insert_succeeds() {
    stored(aModel().withName("shared-name"));
    Model other = stored(aModel().withName("shared-name").withAccountId(OTHER_ACCOUNT));

    assertThat(models.findById(other.id())).contains(other);
  }

  @Test
  void givenModelIdTaken_insert_throwsConflict() {
    Model first = stored(aModel().withId("fixed-id"));

    assertThatThrownBy(() -> models.insert(aModel().withId("fixed-id").build()))
        .isInstanceOf(ConflictException.class);
    assertThat(models.findById("fixed-id")).contains(first);
  }

  @Test
  void givenManyThreadsInsertingTheSameName_insert_exactlyOneWinsAndTheOthersConflict()
      throws Exception {
    int threads = 8;

    var outcomes = race(threads, i -> models.insert(aModel().withName("contested").build()));

    assertThat(outcomes.stream().filter(Optional::isEmpty)).hasSize(1);
    assertThat(outcomes.stream().flatMap(Optional::stream))
        .hasSize(threads - 1)
        .allMatch(e -> e instanceof ConflictException, "is a ConflictException");
    assertThat(listAll(PageRequest.first(100)).items())
        .extracting(m -> m.definition().name().value())
        .containsExactly("contested");
  }

  // ---- update ------------------------------------------------------------------------------

  @Test
  void givenStoredModel_updateWithPatch_findByIdReturnsTheUpdatedModel() {
    Template template =
        stored(aTemplate().withCreationParameter("epochs", ParameterType.INT, false));
    Model model = stored(aModel().fromTemplate(template).withCreationParameter("epochs", 1));
    var patch =
        new ModelPatch(
            new ResourceName("renamed"),
            "Renamed",
            ModelVendor.OPENAI,
            null,
            "base-2",
            new BaseModelMetadata(UiModelSectionType.CUSTOM, "me", null, null, null),
            Map.of("epochs", 5),
            "card",
            "data card",
            null,
            "group-2",
            null);
    Model updated = model.apply(patch, Optional.of(template));

    assertThat(models.update(updated)).isTrue();

    Model read = models.findById(model.id()).orElseThrow();
    assertThat(read).isEqualTo(updated);
    assertThat(read.definition().name().value()).isEqualTo("renamed");
    assertThat(read.createdAt()).isEqualTo(model.createdAt());
  }

  @Test
  void givenModelWithOptionalFields_updateWithoutThem_storesThemAsAbsent() {
    Model model =
        stored(
            aModel()
                .withDisplayName("shown")
                .withDescription("described")
                .withModelVendor(ModelVendor.COHERE)
                .withBaseModelId("base")
                .withBaseModelMetadata(
                    new BaseModelMetadata(UiModelSectionType.PARTNER, "dev", null, null, null))
                .withModelCard("card")
                .withTrainingDataCard("data")
                .withModelGroupId("group"));
    ModelDefinition bare = aModel().withName(model.definition().name().value()).definition();
    Model cleared =
        Model.reconstitute(
            model.id(),
            bare,
            model.requestSchema(),
            model.responseSchema(),
            model.createdAt(),
            model.createdBy());

    assertThat(models.update(cleared)).isTrue();

    assertThat(models.findById(model.id())).contains(cleared);
  }

  @Test
  void givenStoredModel_updateKeepingItsName_succeeds() {
    Model model = stored(aModel().withName("same-name"));
    Model updated =
        model.apply(
            new ModelPatch(
                null, "new display", null, null, null, null, null, null, null, null, null, null),
            Optional.empty());

    assertThat(models.update(updated)).isTrue();
    assertThat(models.findById(model.id())).contains(updated);
  }

  @Test
  void givenNoSuchModel_update_returnsFalseAndStoresNothing() {
    Model never = aModel().build();

    assertThat(models.update(never)).isFalse();
    assertThat(models.findById(never.id())).isEmpty();
    assertThat(listAll(PageRequest.first(10)).totalItemCount()).isZero();
  }

  @Test
  void givenNameTakenInAccount_updateRenamingToIt_throwsConflictAndKeepsBoth() {
    Model taken = stored(aModel().withName("taken"));
    Model model = stored(aModel().withName("mine"));
    Model renamed = renamed(model, "taken");

    assertThatThrownBy(() -> models.update(renamed))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("taken");
    assertThat(models.findById(model.id())).contains(model);
    assertThat(models.findById(taken.id())).contains(taken);
  }

  @Test
  void givenNameTakenInAnotherAccount_updateRenamingToIt_succeeds() {
    stored(aModel().withName("taken").withAccountId(OTHER_ACCOUNT));
    Model model = stored(aModel().withName("mine"));
    Model renamed = renamed(model, "taken");

    assertThat(models.update(renamed)).isTrue();
    assertThat(models.findById(model.id())).contains(renamed);
  }

  private static Model renamed(Model model, String name) {
    return model.apply(
        new ModelPatch(
            new ResourceName(name),
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
            null),
        Optional.empty());
  }

  // ---- delete ------------------------------------------------------------------------------

  @Test
  void givenNoSuchModel_delete_returnsFalse() {
    stored(aModel());

    assertThat(models.delete("no-such-model")).isFalse();
    assertThat(listAll(PageRequest.first(10)).totalItemCount()).isEqualTo(1);
  }

  @Test
  void givenStoredModels_deleteOne_removesOnlyIt() {
    Model gone = stored(aModel());
    Model kept = stored(aModel());

    assertThat(models.delete(gone.id())).isTrue();

    assertThat(models.findById(gone.id())).isEmpty();
    assertThat(models.findById(kept.id())).contains(kept);
    assertThat(models.delete(gone.id())).isFalse();
  }

  // ---- list: filters, order, pages ----------------------------------------------------------

  @Test
  void givenAViewerScope_list_returnsItsAccountsAndItsOwnCreationsOnly() {
    Actor carol = new Actor("carol", IdentityType.USER);
    Model ofAccount = stored(aModel().withName("m1").createdAt(at(1)));
    Model carolsElsewhere =
        stored(
            aModel().withName("m2").withAccountId(OTHER_ACCOUNT).createdBy(carol).createdAt(at(2)));
    Model othersElsewhere =
        stored(aModel().withName("m3").withAccountId(OTHER_ACCOUNT).createdAt(at(3)));
    PageRequest page = PageRequest.first(10);
    Optional<String> none = Optional.empty();
    Optional<ModelType> anyType = Optional.empty();
    Caller carols = member("carol", TestTemplates.ACCOUNT);

    Page<Model> seen = models.list(new ModelQuery(carols, none, anyType, none, List.of(), page));
    Page<Model> sorted =
        models.list(
            new ModelQuery(
                carols,
                none,
                anyType,
                none,
                List.of(new ModelSort(ModelSortField.NAME, SortDirection.DESC)),
                page));
    Page<Model> stranger =
        models.list(
            new ModelQuery(member("dave", "acct-nobody"), none, anyType, none, List.of(), page));

    assertThat(seen.items()).containsExactly(ofAccount, carolsElsewhere);
    assertThat(seen.totalItemCount()).isEqualTo(2);
    assertThat(sorted.items()).containsExactly(carolsElsewhere, ofAccount);
    assertThat(stranger.items()).isEmpty();
    assertThat(stranger.totalItemCount()).isZero();
    assertThat(listAll(page).items()).containsExactly(ofAccount, carolsElsewhere, othersElsewhere);
  }

  @Test
  void givenModelsOfSeveralAccountsTypesAndGroups_listWithFilters_returnsOnlyMatches() {
    Model a1Completion = stored(aModel().withModelGroupId("g1").createdAt(at(1)));
    Model a1Embedding =
        stored(aModel().withModelType(ModelType.EMBEDDING).withModelGroupId("g2").createdAt(at(2)));
    Model a2Completion =
        stored(aModel().withAccountId(OTHER_ACCOUNT).withModelGroupId("g1").createdAt(at(3)));
    Model a1NoGroup = stored(aModel().createdAt(at(4)));
    Optional<String> none = Optional.empty();
    Optional<ModelType> anyType = Optional.empty();
    PageRequest page = PageRequest.first(10);

    assertThat(list(none, anyType, none, List.of(), page).items())
        .containsExactly(a1Completion, a1Embedding, a2Completion, a1NoGroup);
    assertThat(list(Optional.of(TestTemplates.ACCOUNT), anyType, none, List.of(), page).items())
        .containsExactly(a1Completion, a1Embedding, a1NoGroup);
    assertThat(list(none, Optional.of(ModelType.COMPLETION), none, List.of(), page).items())
        .containsExactly(a1Completion, a2Completion, a1NoGroup);
    assertThat(list(none, anyType, Optional.of("g1"), List.of(), page).items())
        .containsExactly(a1Completion, a2Completion);
    Page<Model> combined =
        list(
            Optional.of(TestTemplates.ACCOUNT),
            Optional.of(ModelType.COMPLETION),
            Optional.of("g1"),
            List.of(),
            page);
    assertThat(combined.items()).containsExactly(a1Completion);
    assertThat(combined.totalItemCount()).isEqualTo(1);
    assertThat(list(none, Optional.of(ModelType.AGENT), none, List.of(), page).items()).isEmpty();
  }

  @Test
  void givenModelsCreatedOutOfOrder_list_ordersByCreatedAtThenId() {
    Model late = stored(aModel().withId("m-a").createdAt(at(30)));
    Model tieB = stored(aModel().withId("m-c").createdAt(at(20)));
    Model early = stored(aModel().withId("m-z").createdAt(at(10)));
    Model tieA = stored(aModel().withId("m-b").createdAt(at(20)));
    Model micro = stored(aModel().withId("m-y").createdAt(at(20).plusNanos(1_000)));

    assertThat(listAll(PageRequest.first(10)).items())
        .containsExactly(early, tieA, tieB, micro, late);
  }

  @Test
  void givenSevenModels_listPageTwoOfThree_returnsTheMiddleSliceWithCounts() {
    var all = new ArrayList<Model>();
    for (int i = 0; i < 7; i++) {
      all.add(stored(aModel().createdAt(at(i))));
    }

    Page<Model> page = listAll(new PageRequest(2, 3, Optional.empty()));
    Page<Model> last = listAll(new PageRequest(3, 3, Optional.empty()));
    Page<Model> beyond = listAll(new PageRequest(9, 3, Optional.empty()));

    assertThat(page.items()).containsExactlyElementsOf(all.subList(3, 6));
    assertThat(page.totalItemCount()).isEqualTo(7);
    assertThat(page.currentPage()).isEqualTo(2);
    assertThat(page.itemsPerPage()).isEqualTo(3);
    assertThat(page.nextCursor()).isPresent();
    assertThat(last.items()).containsExactly(all.get(6));
    assertThat(last.nextCursor()).isEmpty();
    assertThat(beyond.items()).isEmpty();
    assertThat(beyond.totalItemCount()).isEqualTo(7);
  }

  @Test
  void givenFilteredModels_listPageWithFilter_countsOnlyMatches() {
    for (int i = 0; i < 5; i++) {
      stored(aModel().withModelGroupId("g").createdAt(at(i)));
      stored(aModel().createdAt(at(i)));
    }

    Page<Model> page =
        list(
            Optional.empty(),
            Optional.empty(),
            Optional.of("g"),
            List.of(),
            new PageRequest(2, 2, Optional.empty()));

    assertThat(page.totalItemCount()).isEqualTo(5);
    assertThat(page.items()).hasSize(2).allMatch(m -> "g".equals(m.definition().modelGroupId()));
  }

  @Test
  void givenExactlyTwoPagesOfModels_listWithCursors_hasNoCursorOnTheSecondPage() {
    for (int i = 0; i < 6; i++) {
      stored(aModel().createdAt(at(i)));
    }

    Page<Model> first = listAll(PageRequest.first(3));
    Page<Model> second = listAll(PageRequest.after(first.nextCursor().orElseThrow(), 3));

    assertThat(second.items()).hasSize(3).doesNotContainAnyElementsOf(first.items());
    assertThat(second.nextCursor()).isEmpty();
    assertThat(second.totalItemCount()).isEqualTo(6);
    assertThat(second.currentPage()).isEqualTo(1);
  }

  @Test
  void givenModelsWithTiedCreationTimes_walkWithCursors_returnsEveryModelOnceInOrder() {
    var all = new ArrayList<Model>();
    for (int i = 0; i < 25; i++) {
      all.add(stored(aModel().createdAt(at(i / 4))));
    }
    all.sort(DEFAULT_ORDER);

    List<Model> walked = walkWithCursors(this::listAll, 3, () -> {});

    assertThat(walked).containsExactlyElementsOf(all);
  }

  @Test
  void givenModelsOfTwoTypes_walkOneTypeWithCursors_returnsOnlyThatType() {
    var embeddings = new ArrayList<Model>();
    for (int i = 0; i < 10; i++) {
      stored(aModel().createdAt(at(i)));
      embeddings.add(stored(aModel().withModelType(ModelType.EMBEDDING).createdAt(at(i))));
    }

    List<Model> walked =
        walkWithCursors(
            p ->
                list(
                    Optional.empty(),
                    Optional.of(ModelType.EMBEDDING),
                    Optional.empty(),
                    List.of(),
                    p),
            4,
            () -> {});

    assertThat(walked).containsExactlyElementsOf(embeddings);
  }

  @Test
  void givenConcurrentInserts_walkWithCursors_returnsEveryExistingModelExactlyOnce()
      throws Exception {
    int existing = 60;
    Set<String> before = new HashSet<>();
    for (int i = 0; i < existing; i++) {
      before.add(stored(aModel().createdAt(at(i * 2L))).id());
    }

    List<Model> walked =
        walkWhileInserting(
            this::listAll,
            7,
            3,
            40,
            n -> models.insert(aModel().createdAt(at((n * 7L) % (existing * 2L + 10))).build()));

    List<String> walkedIds = ids(walked, Model::id);
    assertThat(walkedIds).doesNotHaveDuplicates();
    assertThat(walkedIds.stream().filter(before::contains)).hasSize(existing);
    assertThat(walked).isSortedAccordingTo(DEFAULT_ORDER);
  }

  // ---- list: sort_by -------------------------------------------------------------------------

  /**
   * Models whose sortable attributes vary, repeat (so tie-breakers matter) and are sometimes absent
   * (so null placement matters); two pairs share a creation time.
   */
  private List<Model> storeVariedModels() {
    Template completion =
        stored(aTemplate().withName("tpl-completion").withModelType(ModelType.COMPLETION));
    Template chat =
        stored(
            aTemplate()
                .withName("tpl-chat")
                .withAccountId(OTHER_ACCOUNT)
                .withModelType(ModelType.CHAT_COMPLETION));
    var metadata = new BaseModelMetadata(UiModelSectionType.PARTNER, "dev", null, null, null);
    return List.of(
        stored(
            aModel()
                .withId("m-e")
                .fromTemplate(completion)
                .withName("delta")
                .withDisplayName("d-two")
                .withModelVendor(ModelVendor.OPENAI)
                .withBaseModelId("gpt")
                .withBaseModelMetadata(metadata)
                .withModelCard("c1")
                .withModelGroupId("g1")
                .createdAt(at(5))),
        stored(
            aModel()
                .withId("m-c")
                .withName("alpha")
                .withDescription("x")
                .withModelVendor(ModelVendor.COHERE)
                .withModelType(ModelType.EMBEDDING)
                .withTrainingDataCard("t2")
                .createdAt(at(3))
                .createdBy(BOB)),
        stored(
            aModel()
                .withId("m-a")
                .fromTemplate(chat)
                .withName("charlie")
                .withDisplayName("d-one")
                .withDescription("y")
                .withBaseModelId("llama")
                .withModelCard("c2")
                .withTrainingDataCard("t1")
                .withModelGroupId("g2")
                .createdAt(at(3))),
        stored(
            aModel()
                .withId("m-f")
                .withAccountId(OTHER_ACCOUNT)
                .withName("bravo")
                .withDisplayName("d-one")
                .withModelVendor(ModelVendor.OPENAI)
                .withModelType(ModelType.AGENT)
                .withBaseModelId("gpt")
                .withModelGroupId("g1")
                .createdAt(at(1))
                .createdBy(CAROL)),
        stored(
            aModel()
                .withId("m-b")
                .fromTemplate(completion)
                .withName("echo")
                .withDescription("x")
                .withModelVendor(ModelVendor.OPENAI)
                .withModelCard("c1")
                .withTrainingDataCard("t1")
                .createdAt(at(5))
                .createdBy(BOB)),
        stored(
            aModel()
                .withId("m-d")
                .withAccountId(OTHER_ACCOUNT)
                .withName("foxtrot")
                .withDisplayName("d-three")
                .withDescription("z")
                .withModelVendor(ModelVendor.ANTHROPIC)
                .withModelType(ModelType.RERANKING)
                .withBaseModelId("claude")
                .withBaseModelMetadata(metadata)
                .withModelCard("c3")
                .withTrainingDataCard("t2")
                .withModelGroupId("g2")
                .createdAt(at(2))));
  }

  @ParameterizedTest
  @EnumSource(ModelSortField.class)
  void givenVariedModels_listSortedByField_ordersBothWaysWithNullsLastThenByCreatedAtAndId(
      ModelSortField field) {
    List<Model> all = storeVariedModels();

    for (SortDirection direction : SortDirection.values()) {
      List<ModelSort> sort = List.of(new ModelSort(field, direction));
      Page<Model> page = listSorted(sort, PageRequest.first(100));

      assertThat(ids(page.items(), Model::id))
          .as("sorted by %s %s", field, direction)
          .containsExactlyElementsOf(ids(sortedCopy(all, sort), Model::id));
      assertThat(page.nextCursor()).isEmpty();
    }
  }

  @Test
  void givenVariedModels_listSortedByNullableFieldAscAndDesc_putsNullsLastBothTimes() {
    storeVariedModels();

    List<String> ascending =
        ids(
            listSorted(List.of(asc(ModelSortField.DISPLAY_NAME)), PageRequest.first(10)).items(),
            m -> String.valueOf(m.definition().displayName()));
    List<String> descending =
        ids(
            listSorted(List.of(desc(ModelSortField.DISPLAY_NAME)), PageRequest.first(10)).items(),
            m -> String.valueOf(m.definition().displayName()));

    assertThat(ascending).containsExactly("d-one", "d-one", "d-three", "d-two", "null", "null");
    assertThat(descending).containsExactly("d-two", "d-three", "d-one", "d-one", "null", "null");
  }

  @Test
  void givenVariedModels_listSortedBySeveralKeys_appliesThemInOrder() {
    List<Model> all = storeVariedModels();
    List<ModelSort> sort =
        List.of(
            desc(ModelSortField.SUPPORTS_MULTI_TURN),
            asc(ModelSortField.MODEL_VENDOR),
            desc(ModelSortField.NAME));

    Page<Model> page = listSorted(sort, PageRequest.first(10));

    assertThat(ids(page.items(), Model::id))
        .containsExactlyElementsOf(ids(sortedCopy(all, sort), Model::id))
        .containsExactly("m-f", "m-a", "m-d", "m-c", "m-b", "m-e");
  }

  @Test
  void givenVariedModels_listSortedPageTwo_slicesTheSortedListWithoutCursor() {
    List<Model> all = storeVariedModels();
    List<ModelSort> sort = List.of(desc(ModelSortField.NAME));

    Page<Model> first = listSorted(sort, new PageRequest(1, 4, Optional.empty()));
    Page<Model> second = listSorted(sort, new PageRequest(2, 4, Optional.empty()));

    List<Model> expected = sortedCopy(all, sort);
    assertThat(first.items()).containsExactlyElementsOf(expected.subList(0, 4));
    assertThat(first.nextCursor()).as("no keyset cursor outside the default order").isEmpty();
    assertThat(first.totalItemCount()).isEqualTo(6);
    assertThat(second.items()).containsExactlyElementsOf(expected.subList(4, 6));
    assertThat(second.currentPage()).isEqualTo(2);
  }

  @Test
  void givenVariedModels_listSortedWithFilter_sortsOnlyTheMatches() {
    storeVariedModels();

    Page<Model> page =
        list(
            Optional.of(OTHER_ACCOUNT),
            Optional.empty(),
            Optional.empty(),
            List.of(asc(ModelSortField.NAME)),
            PageRequest.first(10));

    assertThat(ids(page.items(), Model::id)).containsExactly("m-f", "m-a", "m-d");
    assertThat(page.totalItemCount()).isEqualTo(3);
  }

  /**
   * The order the port promises: each key in turn with nulls last whatever the direction, then
   * creation time and id ascending. JSON-valued attributes have no meaningful order, so sorting by
   * them leaves the tie-breakers to decide.
   */
  private static List<Model> sortedCopy(List<Model> models, List<ModelSort> sort) {
    Comparator<Model> order = (a, b) -> 0;
    for (ModelSort key : sort) {
      order = order.thenComparing(keyOrder(key));
    }
    var copy = new ArrayList<>(models);
    copy.sort(order.thenComparing(DEFAULT_ORDER));
    return copy;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Comparator<Model> keyOrder(ModelSort key) {
    Function<Model, Comparable> value = m -> sortValue(key.field(), m);
    Comparator<Comparable> direction =
        key.direction() == SortDirection.ASC
            ? Comparator.naturalOrder()
            : Comparator.<Comparable>naturalOrder().reversed();
    return Comparator.comparing(value, Comparator.nullsLast(direction));
  }

  @SuppressWarnings("rawtypes")
  private static Comparable sortValue(ModelSortField field, Model m) {
    ModelDefinition d = m.definition();
    return switch (field) {
      case NAME -> d.name().value();
      case DISPLAY_NAME -> d.displayName();
      case DESCRIPTION -> d.description();
      case MODEL_VENDOR -> d.modelVendor() == null ? null : d.modelVendor().name();
      case MODEL_TYPE -> d.modelType().name();
      case BASE_MODEL_ID -> d.baseModelId();
      case BASE_MODEL_METADATA, MODEL_CREATION_PARAMETERS, REQUEST_SCHEMA, RESPONSE_SCHEMA -> null;
      case MODEL_CARD -> d.modelCard();
      case TRAINING_DATA_CARD -> d.trainingDataCard();
      case MODEL_TEMPLATE_ID -> d.modelTemplateId();
      case MODEL_GROUP_ID -> d.modelGroupId();
      case SUPPORTS_MULTI_TURN -> m.supportsMultiTurn();
      case ID -> m.id();
      case CREATED_AT -> m.createdAt();
      case ACCOUNT_ID -> m.accountId();
      case CREATED_BY_USER_ID -> m.createdBy().userId();
    };
  }
}
