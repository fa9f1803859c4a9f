package org.modelregistry.ports.out.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modelregistry.ports.out.contract.WorkspaceTexts.eq;
import static org.modelregistry.ports.out.contract.WorkspaceTexts.in;
import static org.modelregistry.ports.out.contract.WorkspaceTexts.like;
import static org.modelregistry.ports.out.contract.WorkspaceTexts.notIn;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.registration.Secret;
import org.modelregistry.domain.spec.ModelSpec;
import org.modelregistry.domain.workspace.ApiEndpoint;
import org.modelregistry.domain.workspace.BackendFormat;
import org.modelregistry.domain.workspace.EntityName;
import org.modelregistry.domain.workspace.FilesetRef;
import org.modelregistry.domain.workspace.FinetuningType;
import org.modelregistry.domain.workspace.LoraConfig;
import org.modelregistry.domain.workspace.ModelAdapter;
import org.modelregistry.domain.workspace.ModelEntity;
import org.modelregistry.domain.workspace.ModelEntityDefinition;
import org.modelregistry.domain.workspace.ModelRef;
import org.modelregistry.domain.workspace.ProjectName;
import org.modelregistry.domain.workspace.PromptData;
import org.modelregistry.domain.workspace.WorkspaceName;
import org.modelregistry.ports.in.workspace.EntitySort;
import org.modelregistry.ports.in.workspace.ModelEntityQuery;
import org.modelregistry.ports.in.workspace.PageSlice;
import org.modelregistry.ports.in.workspace.TextMatch;
import org.modelregistry.ports.in.workspace.TimeRange;
import org.modelregistry.ports.out.ModelEntityRepository;
import org.modelregistry.ports.paging.Page;

/**
 * The behaviour every {@link ModelEntityRepository} shares; extend it once per implementation and
 * return a fresh, empty repository from {@link #openRepository()}.
 */
public abstract class ModelEntityRepositoryContract {

  protected static final WorkspaceName WS = new WorkspaceName("team-a");
  protected static final WorkspaceName OTHER_WS = new WorkspaceName("team-b");
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  protected ModelEntityRepository repository;
  private WorkspaceStore<ModelEntityRepository> store;

  /** A fresh, empty store for one test; it is closed after it. */
  protected abstract WorkspaceStore<ModelEntityRepository> openRepository() throws Exception;

  @BeforeEach
  protected final void openFreshRepository() throws Exception {
    store = openRepository();
    repository = store.repository();
  }

  @AfterEach
  protected final void closeRepository() throws Exception {
    if (store != null) {
      store.close();
    }
  }

  // ---- test data ---------------------------------------------------------------------------

  protected static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }

  private static EntityName name(String value) {
    return new EntityName(value);
  }

  private static FilesetRef fileset(String ref) {
    return FilesetRef.parse(ref);
  }

  private static ModelEntityDefinition definition(String name) {
    return new ModelEntityDefinition(
        name(name),
        null,
        null,
        null,
        null,
        null,
        null,
        List.of(),
        null,
        null,
        false,
        null,
        null,
        null);
  }

  /** An entity with only a name, created and updated at {@code seconds}. */
  protected static ModelEntity minimal(WorkspaceName workspace, String name, long seconds) {
    return ModelEntity.reconstitute(
        workspace, definition(name), List.of(), at(seconds), at(seconds));
  }

  /** {@code entity} with its definition changed by {@code change}. */
  private static ModelEntity with(ModelEntity entity, UnaryOperator<ModelEntityDefinition> change) {
    return new ModelEntity(
        entity.workspace(),
        change.apply(entity.definition()),
        entity.adapters(),
        entity.createdAt(),
        entity.updatedAt());
  }

  private static ModelEntity withDescription(ModelEntity entity, String description) {
    return with(
        entity,
        d ->
            new ModelEntityDefinition(
                d.name(),
                description,
                d.project(),
                d.baseModel(),
                d.finetuningType(),
                d.backendFormat(),
                d.fileset(),
                d.modelProviders(),
                d.apiEndpoint(),
                d.spec(),
                d.trustRemoteCode(),
                null,
                null,
                null));
  }

  private static ModelEntity withRefs(
      ModelEntity entity,
      String project,
      String baseModel,
      FinetuningType type,
      String filesetRef) {
    return with(
        entity,
        d ->
            new ModelEntityDefinition(
                d.name(),
                d.description(),
                project == null ? null : new ProjectName(project),
                baseModel == null ? null : ModelRef.parse(baseModel),
                type,
                d.backendFormat(),
                filesetRef == null ? null : fileset(filesetRef),
                d.modelProviders(),
                d.apiEndpoint(),
                d.spec(),
                d.trustRemoteCode(),
                null,
                null,
                null));
  }

  private static ModelEntity withTimes(ModelEntity entity, long created, long updated) {
    return new ModelEntity(
        entity.workspace(), entity.definition(), entity.adapters(), at(created), at(updated));
  }

  private static ModelAdapter adapter(String name, String filesetRef, FinetuningType type) {
    return new ModelAdapter(name(name), null, fileset(filesetRef), type, true, null, at(0), at(0));
  }

  /** An entity with every field set: spec, API endpoint with a key, adapters with LoRA settings. */
  protected static ModelEntity full(WorkspaceName workspace, String name) {
    var spec =
        new ModelSpec(
            "meta-llama/Llama-3.1-8B",
            "llama",
            32,
            4096,
            32,
            8,
            14336,
            128256,
            131072,
            false,
            true,
            8_030_261_248L,
            "bfloat16",
            true,
            "{{ messages }} \\ \"quoted\" ü");
    var definition =
        new ModelEntityDefinition(
            name(name),
            "A fine-tuned Llama, ü and \"quotes\"",
            new ProjectName("proj/alpha.1"),
            ModelRef.parse("base-ws/llama-3"),
            FinetuningType.LORA_MERGED,
            BackendFormat.OPENAI_CHAT,
            fileset(workspace + "/" + name + "-weights"),
            List.of(ModelRef.parse("providers/nim"), ModelRef.parse("providers/vllm")),
            new ApiEndpoint(
                "https://inference.example.com/v1",
                "llama-3-ft",
                new Secret("sk-secret-key"),
                "openai"),
            spec,
            true,
            null,
            null,
            null);
    var adapters =
        List.of(
            new ModelAdapter(
                name("lora-1"),
                "first adapter",
                fileset(workspace + "/lora-1-files"),
                FinetuningType.LORA,
                true,
                new LoraConfig(16, 32),
                at(10),
                at(11)),
            new ModelAdapter(
                name("prompt"),
                null,
                fileset("elsewhere/prompt-files"),
                FinetuningType.PROMPT_TUNING,
                false,
                new LoraConfig(8, null),
                at(12),
                at(13)),
            new ModelAdapter(
                name("plain"),
                null,
                fileset("elsewhere/plain-files"),
                FinetuningType.DORA,
                true,
                null,
                at(14),
                at(15)));
    return ModelEntity.reconstitute(workspace, definition, adapters, at(1), at(20));
  }

  /** A query of {@code WS} changed by {@code change}. */
  private Page<ModelEntity> list(UnaryOperator<Query> change) {
    return repository.list(change.apply(new Query(WS)).build());
  }

  private List<String> names(UnaryOperator<Query> change) {
    return list(change).items().stream().map(e -> e.name().value()).toList();
  }

  /** A mutable {@link ModelEntityQuery} for tests. */
  protected static final class Query {
    WorkspaceName workspace;
    Optional<TextMatch> name = Optional.empty();
    Optional<ProjectName> project = Optional.empty();
    Optional<Boolean> hasBaseModel = Optional.empty();
    Optional<TextMatch> baseModel = Optional.empty();
    Optional<FinetuningType> finetuningType = Optional.empty();
    Optional<FilesetRef> fileset = Optional.empty();
    Optional<TextMatch> description = Optional.empty();
    TimeRange createdAt = TimeRange.ANY;
    TimeRange updatedAt = TimeRange.ANY;
    EntitySort sort = new EntitySort(EntitySort.Field.NAME, false);
    PageSlice page = PageSlice.FIRST;

    Query(WorkspaceName workspace) {
      this.workspace = workspace;
    }

    Query name(TextMatch match) {
      name = Optional.of(match);
      return this;
    }

    Query description(TextMatch match) {
      description = Optional.of(match);
      return this;
    }

    Query baseModel(TextMatch match) {
      baseModel = Optional.of(match);
      return this;
    }

    Query sort(EntitySort.Field field, boolean descending) {
      sort = new EntitySort(field, descending);
      return this;
    }

    ModelEntityQuery build() {
      return new ModelEntityQuery(
          workspace,
          name,
          project,
          hasBaseModel,
          baseModel,
          finetuningType,
          fileset,
          description,
          createdAt,
          updatedAt,
          sort,
          page);
    }
  }

  private static TimeRange between(Long from, Long to) {
    return new TimeRange(
        Optional.ofNullable(from).map(ModelEntityRepositoryContract::at),
        Optional.ofNullable(to).map(ModelEntityRepositoryContract::at));
  }

  // ---- storing -----------------------------------------------------------------------------

  @Test
  void givenEntityWithEveryField_insert_findReturnsItEqual() {
    ModelEntity entity = full(WS, "llama-ft");

    repository.insert(entity);

    Optional<ModelEntity> found = repository.find(WS, name("llama-ft"));
    assertThat(found).contains(entity);
    assertThat(found.get().definition().apiEndpoint().apiKey().value()).isEqualTo("sk-secret-key");
    assertThat(found.get().adapters())
        .extracting(a -> a.name().value())
        .containsExactly("lora-1", "prompt", "plain");
  }

  @Test
  void givenEntityWithOnlyAName_insert_findReturnsItEqual() {
    ModelEntity entity = minimal(WS, "bare", 5);

    repository.insert(entity);

    assertThat(repository.find(WS, name("bare"))).contains(entity);
    assertThat(repository.find(WS, name("missing"))).isEmpty();
  }

  @Test
  void givenEntityWithEndpointWithoutKeyAndEmptySpec_insert_roundTrips() {
    ModelEntity entity =
        with(
            minimal(WS, "keyless", 1),
            d ->
                new ModelEntityDefinition(
                    d.name(),
                    "",
                    null,
                    null,
                    null,
                    BackendFormat.ANTHROPIC_MESSAGES,
                    null,
                    List.of(),
                    new ApiEndpoint("http://localhost:8000", null, null, null),
                    new ModelSpec(
                        null, null, null, null, null, null, null, null, null, null, null, null,
                        null, null, null),
                    false,
                    null,
                    null,
                    null));

    repository.insert(entity);

    assertThat(repository.find(WS, name("keyless"))).contains(entity);
  }

  @Test
  void givenStoredName_insertAgain_conflictsAndKeepsTheFirst() {
    ModelEntity first = full(WS, "taken");
    repository.insert(first);

    assertThatThrownBy(() -> repository.insert(minimal(WS, "taken", 9)))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("taken");
    assertThat(repository.find(WS, name("taken"))).contains(first);
  }

  @Test
  void givenRacingInsertsOfOneName_insert_exactlyOneWins() throws Exception {
    int threads = 8;
    var outcomes =
        RegistryStoreContract.race(
            threads,
            i -> repository.insert(withDescription(minimal(WS, "race", i), "thread " + i)));

    assertThat(outcomes).filteredOn(Optional::isEmpty).hasSize(1);
    assertThat(outcomes)
        .filteredOn(Optional::isPresent)
        .allSatisfy(o -> assertThat(o.get()).isInstanceOf(ConflictException.class));
    assertThat(repository.list(ModelEntityQuery.all(WS)).totalItemCount()).isEqualTo(1);
  }

  @Test
  void givenNameInAnotherWorkspace_insert_storesBoth() {
    repository.insert(full(WS, "shared"));
    repository.insert(minimal(OTHER_WS, "shared", 3));

    assertThat(repository.find(WS, name("shared"))).contains(full(WS, "shared"));
    assertThat(repository.find(OTHER_WS, name("shared"))).contains(minimal(OTHER_WS, "shared", 3));
  }

  @Test
  void givenStoredEntity_update_replacesEveryFieldAndTheAdapters() {
    ModelEntity stored = full(WS, "evolving");
    repository.insert(stored);
    ModelEntity changed =
        withDescription(stored, "changed")
            .removeAdapter(name("prompt"), at(30))
            .addAdapter(adapter("new-one", "team-a/new-files", FinetuningType.QLORA), at(31));

    assertThat(repository.update(changed)).isTrue();
    assertThat(repository.find(WS, name("evolving"))).contains(changed);

    ModelEntity emptied = withTimes(minimal(WS, "evolving", 1), 1, 40);
    assertThat(repository.update(emptied)).isTrue();
    assertThat(repository.find(WS, name("evolving"))).contains(emptied);
  }

  @Test
  void givenNoSuchEntity_update_returnsFalseAndStoresNothing() {
    repository.insert(minimal(OTHER_WS, "ghost", 1));

    assertThat(repository.update(full(WS, "ghost"))).isFalse();
    assertThat(repository.find(WS, name("ghost"))).isEmpty();
  }

  @Test
  void givenStoredEntity_delete_removesItWithItsAdapters() {
    repository.insert(full(WS, "doomed"));
    repository.insert(full(OTHER_WS, "doomed"));

    assertThat(repository.delete(WS, name("doomed"))).isTrue();

    assertThat(repository.find(WS, name("doomed"))).isEmpty();
    assertThat(repository.usesFileset(fileset("team-a/lora-1-files"))).isFalse();
    assertThat(repository.find(OTHER_WS, name("doomed"))).contains(full(OTHER_WS, "doomed"));
    assertThat(repository.delete(WS, name("doomed"))).isFalse();
    // The name is free again, adapters included.
    repository.insert(full(WS, "doomed"));
    assertThat(repository.find(WS, name("doomed"))).contains(full(WS, "doomed"));
  }

  @Test
  void givenNoSuchEntity_delete_returnsFalse() {
    assertThat(repository.delete(WS, name("never"))).isFalse();
  }

  @Test
  void givenEntitiesUsingFilesets_usesFileset_seesOwnAndAdapterFilesetsOnly() {
    repository.insert(full(WS, "user"));

    assertThat(repository.usesFileset(fileset("team-a/user-weights"))).isTrue();
    assertThat(repository.usesFileset(fileset("team-a/lora-1-files"))).isTrue();
    assertThat(repository.usesFileset(fileset("elsewhere/plain-files"))).isTrue();
    assertThat(repository.usesFileset(fileset("team-b/user-weights"))).isFalse();
    assertThat(repository.usesFileset(fileset("team-a/user"))).isFalse();
    assertThat(repository.usesFileset(fileset("team-a/other"))).isFalse();
  }

  @Test
  void givenEntitiesNamingABaseModel_anyDerivedFrom_findsOneOfThemAndNoOther() {
    repository.insert(minimal(WS, "base", 0));
    repository.insert(withRefs(minimal(WS, "tuned-b", 1), null, WS.value() + "/base", null, null));
    repository.insert(withRefs(minimal(WS, "tuned-a", 2), null, WS.value() + "/base", null, null));
    repository.insert(withRefs(minimal(OTHER_WS, "x", 3), null, WS.value() + "/other", null, null));

    assertThat(repository.anyDerivedFrom(new ModelRef(WS, name("base"))))
        .contains(new ModelRef(WS, name("tuned-a")));
    assertThat(repository.anyDerivedFrom(new ModelRef(WS, name("tuned-a")))).isEmpty();
    assertThat(repository.anyDerivedFrom(new ModelRef(OTHER_WS, name("base")))).isEmpty();
    assertThat(repository.anyDerivedFrom(new ModelRef(WS, name("other"))))
        .contains(new ModelRef(OTHER_WS, name("x")));
  }

  // ---- listing -----------------------------------------------------------------------------

  private void storeNamed(String... names) {
    for (int i = 0; i < names.length; i++) {
      repository.insert(minimal(WS, names[i], i));
    }
  }

  @Test
  void givenNameMatches_list_appliesEqInAndNotIn() {
    storeNamed("alpha", "beta", "gamma");
    repository.insert(minimal(OTHER_WS, "alpha", 0));

    assertThat(names(q -> q.name(eq("beta")))).containsExactly("beta");
    assertThat(names(q -> q.name(eq("Beta")))).isEmpty();
    assertThat(names(q -> q.name(in("alpha", "gamma", "zeta")))).containsExactly("alpha", "gamma");
    assertThat(names(q -> q.name(notIn("alpha", "zeta")))).containsExactly("beta", "gamma");
    assertThat(
            names(
                q ->
                    q.name(
                        new TextMatch(
                            Optional.empty(),
                            Optional.of("a"),
                            List.of("alpha", "beta"),
                            List.of("alpha")))))
        .containsExactly("beta");
  }

  @Test
  void givenLikePatterns_list_matchesContainmentWithWildcardsIgnoringCase() {
    storeNamed("Llama-3.1", "llama_guard", "mistral-7b", "llxama", "phi");

    assertThat(names(q -> q.name(like("LLAMA")))).containsExactly("Llama-3.1", "llama_guard");
    assertThat(names(q -> q.name(like("ll%ma"))))
        .containsExactly("Llama-3.1", "llama_guard", "llxama");
    assertThat(names(q -> q.name(like("l_ama"))))
        .containsExactly("Llama-3.1", "llama_guard", "llxama");
    assertThat(names(q -> q.name(like("ll_ma")))).containsExactly("Llama-3.1", "llama_guard");
    assertThat(names(q -> q.name(like("a_g")))).containsExactly("llama_guard");
    assertThat(names(q -> q.name(like("3.1")))).containsExactly("Llama-3.1");
    assertThat(names(q -> q.name(like("")))).hasSize(5);
    assertThat(names(q -> q.name(like("%")))).hasSize(5);
    assertThat(names(q -> q.name(like("_____________")))).isEmpty();
  }

  @Test
  void givenDescriptions_list_filtersThemWithBackslashesLiterallyAndNullAsAbsent() {
    repository.insert(withDescription(minimal(WS, "a", 0), "path C:\\models\\x"));
    repository.insert(withDescription(minimal(WS, "b", 1), "100% Pure_Model"));
    repository.insert(withDescription(minimal(WS, "c", 2), "plain"));
    repository.insert(minimal(WS, "d", 3));

    assertThat(names(q -> q.description(like("c:\\MODELS\\")))).containsExactly("a");
    assertThat(names(q -> q.description(like("\\")))).containsExactly("a");
    assertThat(names(q -> q.description(like("\\%")))).containsExactly("a");
    assertThat(names(q -> q.description(like("100%pure")))).containsExactly("b");
    assertThat(names(q -> q.description(like("100%%pure")))).containsExactly("b");
    assertThat(names(q -> q.description(like("0%_m")))).containsExactly("b");
    assertThat(names(q -> q.description(like("pure-")))).isEmpty();
    assertThat(names(q -> q.description(like("100% pure_")))).containsExactly("b");
    assertThat(names(q -> q.description(like("%")))).containsExactly("a", "b", "c");
    assertThat(names(q -> q.description(eq("plain")))).containsExactly("c");
    assertThat(names(q -> q.description(in("plain", "other")))).containsExactly("c");
    assertThat(names(q -> q.description(notIn("plain")))).containsExactly("a", "b", "d");
  }

  @Test
  void givenReferences_list_filtersByProjectBaseModelTypeAndFileset() {
    repository.insert(
        withRefs(minimal(WS, "m1", 0), "proj-x", "base/llama", FinetuningType.LORA, "team-a/f1"));
    repository.insert(withRefs(minimal(WS, "m2", 1), "proj-y", "base/mistral", null, "team-a/f2"));
    repository.insert(
        withRefs(minimal(WS, "m3", 2), null, null, null, null)
            .addAdapter(adapter("ad", "team-a/f9", FinetuningType.LORA), at(3))
            .addAdapter(adapter("ad2", "team-a/f8", FinetuningType.DPO), at(3)));
    repository.insert(
        withRefs(minimal(WS, "m4", 3), "proj-x", null, FinetuningType.ALL_WEIGHTS, "team-a/f1"));

    assertThat(
            names(
                q -> {
                  q.project = Optional.of(new ProjectName("proj-x"));
                  return q;
                }))
        .containsExactly("m1", "m4");
    assertThat(
            names(
                q -> {
                  q.hasBaseModel = Optional.of(true);
                  return q;
                }))
        .containsExactly("m1", "m2");
    assertThat(
            names(
                q -> {
                  q.hasBaseModel = Optional.of(false);
                  return q;
                }))
        .containsExactly("m3", "m4");
    assertThat(names(q -> q.baseModel(eq("base/llama")))).containsExactly("m1");
    assertThat(names(q -> q.baseModel(like("BASE/m")))).containsExactly("m2");
    assertThat(names(q -> q.baseModel(notIn("base/llama")))).containsExactly("m2", "m3", "m4");
    assertThat(
            names(
                q -> {
                  q.finetuningType = Optional.of(FinetuningType.LORA);
                  return q;
                }))
        .containsExactly("m1", "m3");
    assertThat(
            names(
                q -> {
                  q.finetuningType = Optional.of(FinetuningType.DPO);
                  return q;
                }))
        .containsExactly("m3");
    assertThat(
            names(
                q -> {
                  q.finetuningType = Optional.of(FinetuningType.KTO);
                  return q;
                }))
        .isEmpty();
    assertThat(
            names(
                q -> {
                  q.fileset = Optional.of(fileset("team-a/f1"));
                  return q;
                }))
        .containsExactly("m1", "m4");
    assertThat(
            names(
                q -> {
                  q.fileset = Optional.of(fileset("team-a/f9"));
                  return q;
                }))
        .isEmpty();
    assertThat(
            names(
                q -> {
                  q.project = Optional.of(new ProjectName("proj-x"));
                  q.finetuningType = Optional.of(FinetuningType.LORA);
                  return q;
                }))
        .containsExactly("m1");
  }

  @Test
  void givenTimes_list_filtersByInclusiveRanges() {
    for (int i = 0; i < 5; i++) {
      repository.insert(withTimes(minimal(WS, "t" + i, 0), 10 * i, 100 - 10 * i));
    }

    assertThat(
            names(
                q -> {
                  q.createdAt = between(10L, 30L);
                  return q;
                }))
        .containsExactly("t1", "t2", "t3");
    assertThat(
            names(
                q -> {
                  q.createdAt = between(11L, null);
                  return q;
                }))
        .containsExactly("t2", "t3", "t4");
    assertThat(
            names(
                q -> {
                  q.createdAt = between(null, 10L);
                  return q;
                }))
        .containsExactly("t0", "t1");
    assertThat(
            names(
                q -> {
                  q.updatedAt = between(80L, 90L);
                  return q;
                }))
        .containsExactly("t1", "t2");
    assertThat(
            names(
                q -> {
                  q.createdAt =
                      new TimeRange(
                          Optional.of(at(10).plusNanos(1)), Optional.of(at(20).minusNanos(1)));
                  return q;
                }))
        .isEmpty();
    assertThat(
            names(
                q -> {
                  q.createdAt = between(10L, 30L);
                  q.updatedAt = between(70L, 100L);
                  return q;
                }))
        .containsExactly("t1", "t2", "t3");
  }

  @Test
  void givenEachSort_list_ordersAndBreaksTiesByName() {
    repository.insert(withTimes(minimal(WS, "b", 0), 5, 1));
    repository.insert(withTimes(minimal(WS, "a", 0), 5, 3));
    repository.insert(withTimes(minimal(WS, "c", 0), 1, 3));
    repository.insert(withTimes(minimal(WS, "d", 0), 9, 2));

    assertThat(names(q -> q.sort(EntitySort.Field.NAME, false)))
        .containsExactly("a", "b", "c", "d");
    assertThat(names(q -> q.sort(EntitySort.Field.NAME, true))).containsExactly("d", "c", "b", "a");
    assertThat(names(q -> q.sort(EntitySort.Field.CREATED_AT, false)))
        .containsExactly("c", "a", "b", "d");
    assertThat(names(q -> q.sort(EntitySort.Field.CREATED_AT, true)))
        .containsExactly("d", "a", "b", "c");
    assertThat(names(q -> q.sort(EntitySort.Field.UPDATED_AT, false)))
        .containsExactly("b", "d", "a", "c");
    assertThat(names(q -> q.sort(EntitySort.Field.UPDATED_AT, true)))
        .containsExactly("a", "c", "d", "b");
    // The default is created_at ascending.
    assertThat(repository.list(ModelEntityQuery.all(WS)).items())
        .extracting(e -> e.name().value())
        .containsExactly("c", "a", "b", "d");
  }

  @Test
  void givenManyEntities_list_pagesWithTotalCount() {
    List<String> all = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      all.add("m" + i);
      repository.insert(full(WS, "m" + i));
    }
    repository.insert(full(OTHER_WS, "m9"));

    Page<ModelEntity> second =
        list(
            q -> {
              q.page = new PageSlice(2, 3);
              return q;
            });
    assertThat(second.items()).extracting(e -> e.name().value()).containsExactly("m3", "m4", "m5");
    assertThat(second.items().getFirst()).isEqualTo(full(WS, "m3"));
    assertThat(second.totalItemCount()).isEqualTo(7);
    assertThat(second.currentPage()).isEqualTo(2);
    assertThat(second.itemsPerPage()).isEqualTo(3);
    assertThat(second.nextCursor()).isEmpty();

    Page<ModelEntity> last =
        list(
            q -> {
              q.page = new PageSlice(3, 3);
              return q;
            });
    assertThat(last.items()).extracting(e -> e.name().value()).containsExactly("m6");
    Page<ModelEntity> beyond =
        list(
            q -> {
              q.page = new PageSlice(4, 3);
              return q;
            });
    assertThat(beyond.items()).isEmpty();
    assertThat(beyond.totalItemCount()).isEqualTo(7);

    Page<ModelEntity> filtered =
        list(
            q -> {
              q.name = Optional.of(in("m1", "m2", "m6"));
              q.page = new PageSlice(1, 2);
              q.sort = new EntitySort(EntitySort.Field.NAME, true);
              return q;
            });
    assertThat(filtered.items()).extracting(e -> e.name().value()).containsExactly("m6", "m2");
    assertThat(filtered.totalItemCount()).isEqualTo(3);
  }

  @Test
  void givenEntitiesInTwoWorkspaces_list_showsOnlyTheQueriedOne() {
    repository.insert(minimal(WS, "mine", 0));
    repository.insert(minimal(OTHER_WS, "theirs", 0));
    repository.insert(minimal(OTHER_WS, "mine", 0));

    assertThat(repository.list(ModelEntityQuery.all(WS)).items())
        .containsExactly(minimal(WS, "mine", 0));
    assertThat(repository.list(ModelEntityQuery.all(OTHER_WS)).totalItemCount()).isEqualTo(2);
    assertThat(repository.list(ModelEntityQuery.all(new WorkspaceName("empty"))).items()).isEmpty();
  }

  // ---- prompt, custom fields, ownership ----------------------------------------------------

  private static ModelEntity withFreeForm(
      ModelEntity entity,
      PromptData prompt,
      Map<String, Object> customFields,
      Map<String, Object> ownership) {
    return with(
        entity,
        d ->
            new ModelEntityDefinition(
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
                ownership));
  }

  @Test
  void givenPromptCustomFieldsAndOwnership_insertAndUpdate_roundTripThem() {
    var nested = new LinkedHashMap<String, Object>();
    nested.put("z", List.of(1, new BigDecimal("0.10"), new BigInteger("99999999999999999999")));
    nested.put("a", null);
    nested.put("ü \"quoted\"", Map.of("deep", true));
    var prompt =
        new PromptData(
            "You are terse.",
            "Q: 1+1\nA: 2",
            Map.of("temperature", new BigDecimal("0.7"), "stop", List.of("END"), "seed", 7),
            "{{icl_few_shot_examples}}");
    ModelEntity entity =
        withFreeForm(full(WS, "prompted"), prompt, nested, Map.of("team", "nlp", "oncall", 3));

    repository.insert(entity);

    ModelEntity found = repository.find(WS, name("prompted")).orElseThrow();
    assertThat(found).isEqualTo(entity);
    assertThat(found.definition().customFields().keySet())
        .containsExactly("z", "a", "ü \"quoted\"");

    ModelEntity replaced =
        withFreeForm(found, new PromptData(null, null, null, "t"), Map.of(), Map.of("team", "cv"));
    assertThat(repository.update(replaced)).isTrue();
    assertThat(repository.find(WS, name("prompted"))).contains(replaced);
    assertThat(repository.find(WS, name("prompted")).orElseThrow().definition().customFields())
        .isEmpty();

    ModelEntity cleared = withFreeForm(replaced, null, null, null);
    assertThat(repository.update(cleared)).isTrue();
    assertThat(repository.find(WS, name("prompted")).orElseThrow().definition())
        .satisfies(
            d -> {
              assertThat(d.prompt()).isNull();
              assertThat(d.customFields()).isEmpty();
              assertThat(d.ownership()).isEmpty();
            });
  }
}
