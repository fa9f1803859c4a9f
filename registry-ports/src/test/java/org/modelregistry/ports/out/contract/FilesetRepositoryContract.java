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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.workspace.EntityName;
import org.modelregistry.domain.workspace.Fileset;
import org.modelregistry.domain.workspace.FilesetPatch;
import org.modelregistry.domain.workspace.FilesetPurpose;
import org.modelregistry.domain.workspace.FilesetStorage;
import org.modelregistry.domain.workspace.SecretRef;
import org.modelregistry.domain.workspace.WorkspaceName;
import org.modelregistry.ports.in.workspace.EntitySort;
import org.modelregistry.ports.in.workspace.FilesetQuery;
import org.modelregistry.ports.in.workspace.PageSlice;
import org.modelregistry.ports.in.workspace.TextMatch;
import org.modelregistry.ports.in.workspace.TimeRange;
import org.modelregistry.ports.out.FilesetRepository;
import org.modelregistry.ports.paging.Page;

/**
 * The behaviour every {@link FilesetRepository} shares; extend it once per implementation and
 * return a fresh, empty repository from {@link #openRepository()}.
 */
public abstract class FilesetRepositoryContract {

  protected static final WorkspaceName WS = new WorkspaceName("team-a");
  protected static final WorkspaceName OTHER_WS = new WorkspaceName("team-b");
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  protected FilesetRepository repository;
  private WorkspaceStore<FilesetRepository> store;

  /** A fresh, empty store for one test; it is closed after it. */
  protected abstract WorkspaceStore<FilesetRepository> openRepository() throws Exception;

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

  /** A local generic fileset with nothing else set, created and updated at {@code seconds}. */
  protected static Fileset minimal(WorkspaceName workspace, String name, long seconds) {
    return new Fileset(
        workspace, name(name), null, null, null, null, null, null, at(seconds), at(seconds));
  }

  private static Fileset with(
      Fileset f, String description, FilesetPurpose purpose, FilesetStorage storage) {
    return new Fileset(
        f.workspace(),
        f.name(),
        description,
        f.project(),
        purpose,
        f.metadata(),
        f.customFields(),
        storage,
        f.createdAt(),
        f.updatedAt());
  }

  /** Metadata in the JSON document form: normalized numbers, nested maps and lists, null. */
  private static Map<String, Object> document() {
    var nested = new LinkedHashMap<String, Object>();
    nested.put("z", List.of(1, "two", true, new BigDecimal("0.10")));
    nested.put("a", null);
    var document = new LinkedHashMap<String, Object>();
    document.put("format", "safetensors");
    document.put("count", 7);
    document.put("big", 12_345_678_901L);
    document.put("huge", new BigInteger("92233720368547758070"));
    document.put("ratio", new BigDecimal("1.50"));
    document.put("ok", false);
    document.put("nested", nested);
    document.put("text", "ü \"quoted\" \\ back");
    return document;
  }

  protected static FilesetStorage s3() {
    return new FilesetStorage.S3(
        "my-bucket.models",
        new FilePath("llama/v1"),
        "eu-west-1",
        "https://s3.example.com",
        new SecretRef("team-a/aws-key-id"),
        new SecretRef("aws-secret"));
  }

  protected static FilesetStorage huggingFace() {
    return new FilesetStorage.HuggingFace(
        "meta-llama/Llama-3.1-8B",
        "refs/pr/1",
        "https://hf.example.com",
        new SecretRef("hf-token"));
  }

  /** A fileset with every field set, stored in {@code storage}. */
  protected static Fileset full(WorkspaceName workspace, String name, FilesetStorage storage) {
    return new Fileset(
        workspace,
        name(name),
        "weights of \"llama\" ü",
        "proj/alpha.1",
        FilesetPurpose.MODEL,
        document(),
        Map.of("owner", "ml-team", "tags", List.of("a", "b")),
        storage,
        at(1),
        at(2));
  }

  private List<String> names(FilesetQuery query) {
    return repository.list(query).items().stream().map(f -> f.name().value()).toList();
  }

  private static FilesetQuery query(
      Optional<TextMatch> name,
      Optional<TextMatch> description,
      Optional<FilesetPurpose> purpose,
      Optional<String> storageType) {
    return new FilesetQuery(
        WS,
        name,
        description,
        purpose,
        storageType,
        TimeRange.ANY,
        TimeRange.ANY,
        new EntitySort(EntitySort.Field.NAME, false),
        PageSlice.FIRST);
  }

  /** Filesets created and last updated within the given ranges, by name. */
  private static FilesetQuery byTimes(TimeRange createdAt, TimeRange updatedAt) {
    return new FilesetQuery(
        WS,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        createdAt,
        updatedAt,
        new EntitySort(EntitySort.Field.NAME, false),
        PageSlice.FIRST);
  }

  /** The range from {@code at(from)} to {@code at(to)}; null leaves that side open. */
  private static TimeRange between(Long from, Long to) {
    return new TimeRange(
        Optional.ofNullable(from).map(FilesetRepositoryContract::at),
        Optional.ofNullable(to).map(FilesetRepositoryContract::at));
  }

  /** A minimal fileset created at {@code created} and last updated at {@code updated} seconds. */
  private static Fileset timed(String name, long created, long updated) {
    Fileset f = minimal(WS, name, created);
    return new Fileset(
        f.workspace(),
        f.name(),
        f.description(),
        f.project(),
        f.purpose(),
        f.metadata(),
        f.customFields(),
        f.storage(),
        at(created),
        at(updated));
  }

  private static FilesetQuery byName(TextMatch match) {
    return query(Optional.of(match), Optional.empty(), Optional.empty(), Optional.empty());
  }

  private static FilesetQuery byDescription(TextMatch match) {
    return query(Optional.empty(), Optional.of(match), Optional.empty(), Optional.empty());
  }

  private static FilesetQuery sorted(EntitySort.Field field, boolean descending, PageSlice page) {
    return new FilesetQuery(
        WS,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        TimeRange.ANY,
        TimeRange.ANY,
        new EntitySort(field, descending),
        page);
  }

  // ---- storing -----------------------------------------------------------------------------

  @Test
  void givenEachStorageKind_insert_findReturnsEveryFieldEqual() {
    List<FilesetStorage> storages =
        List.of(
            new FilesetStorage.Local(),
            s3(),
            new FilesetStorage.S3("bucket-1", null, null, null, null, null),
            huggingFace(),
            new FilesetStorage.HuggingFace("gpt2", null, null, null));
    for (int i = 0; i < storages.size(); i++) {
      Fileset fileset = full(WS, "set-" + i, storages.get(i));

      repository.insert(fileset);

      Optional<Fileset> found = repository.find(WS, name("set-" + i));
      assertThat(found).as(storages.get(i).type()).contains(fileset);
      assertThat(found.get().storage()).isEqualTo(storages.get(i));
    }
  }

  @Test
  void givenFilesetWithDefaults_insert_roundTrips() {
    Fileset fileset = minimal(WS, "plain", 3);

    repository.insert(fileset);

    Fileset found = repository.find(WS, name("plain")).orElseThrow();
    assertThat(found).isEqualTo(fileset);
    assertThat(found.purpose()).isEqualTo(FilesetPurpose.GENERIC);
    assertThat(found.storage()).isEqualTo(new FilesetStorage.Local());
    assertThat(found.metadata()).isEmpty();
    assertThat(repository.find(WS, name("missing"))).isEmpty();
  }

  @Test
  void givenStoredName_insertAgain_conflictsAndKeepsTheFirst() {
    Fileset first = full(WS, "taken", s3());
    repository.insert(first);

    assertThatThrownBy(() -> repository.insert(minimal(WS, "taken", 5)))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("taken");
    assertThat(repository.find(WS, name("taken"))).contains(first);
  }

  @Test
  void givenRacingInsertsOfOneName_insert_exactlyOneWins() throws Exception {
    var outcomes = RegistryStoreContract.race(8, i -> repository.insert(minimal(WS, "race", i)));

    assertThat(outcomes).filteredOn(Optional::isEmpty).hasSize(1);
    assertThat(outcomes)
        .filteredOn(Optional::isPresent)
        .allSatisfy(o -> assertThat(o.get()).isInstanceOf(ConflictException.class));
  }

  @Test
  void givenNameInAnotherWorkspace_insert_storesBoth() {
    repository.insert(full(WS, "shared", s3()));
    repository.insert(minimal(OTHER_WS, "shared", 1));

    assertThat(repository.find(WS, name("shared"))).contains(full(WS, "shared", s3()));
    assertThat(repository.find(OTHER_WS, name("shared"))).contains(minimal(OTHER_WS, "shared", 1));
  }

  @Test
  void givenStoredFileset_update_replacesItsState() {
    Fileset stored = full(WS, "evolving", huggingFace());
    repository.insert(stored);
    Fileset changed =
        stored.apply(
            new FilesetPatch(
                "new description", "proj-2", FilesetPurpose.DATASET, Map.of("k", 1), Map.of()),
            at(50));

    assertThat(repository.update(changed)).isTrue();
    assertThat(repository.find(WS, name("evolving"))).contains(changed);

    Fileset moved = with(changed, null, FilesetPurpose.GENERIC, new FilesetStorage.Local());
    assertThat(repository.update(moved)).isTrue();
    assertThat(repository.find(WS, name("evolving"))).contains(moved);
  }

  @Test
  void givenNoSuchFileset_update_returnsFalse() {
    repository.insert(minimal(OTHER_WS, "ghost", 1));

    assertThat(repository.update(minimal(WS, "ghost", 1))).isFalse();
    assertThat(repository.find(WS, name("ghost"))).isEmpty();
  }

  @Test
  void givenStoredFileset_delete_removesOnlyIt() {
    repository.insert(minimal(WS, "doomed", 1));
    repository.insert(minimal(OTHER_WS, "doomed", 1));

    assertThat(repository.delete(WS, name("doomed"))).isTrue();

    assertThat(repository.find(WS, name("doomed"))).isEmpty();
    assertThat(repository.find(OTHER_WS, name("doomed"))).isPresent();
    assertThat(repository.delete(WS, name("doomed"))).isFalse();
  }

  // ---- listing -----------------------------------------------------------------------------

  @Test
  void givenFilesets_list_filtersByNameAndDescription() {
    repository.insert(with(minimal(WS, "Llama-data", 0), "C:\\data\\llama", null, null));
    repository.insert(with(minimal(WS, "llama_ckpt", 1), "100% Checkpoint_1", null, null));
    repository.insert(minimal(WS, "mistral", 2));
    repository.insert(minimal(OTHER_WS, "llama-other", 0));

    assertThat(names(byName(eq("mistral")))).containsExactly("mistral");
    assertThat(names(byName(like("LLAMA")))).containsExactly("Llama-data", "llama_ckpt");
    assertThat(names(byName(like("a_c")))).containsExactly("llama_ckpt");
    assertThat(names(byName(like("l%t")))).containsExactly("Llama-data", "llama_ckpt");
    assertThat(names(byName(like("m%l")))).containsExactly("mistral");
    assertThat(names(byName(in("mistral", "llama-other")))).containsExactly("mistral");
    assertThat(names(byName(notIn("mistral")))).containsExactly("Llama-data", "llama_ckpt");
    assertThat(names(byDescription(like("\\DATA\\")))).containsExactly("Llama-data");
    assertThat(names(byDescription(like("0%_1")))).containsExactly("llama_ckpt");
    assertThat(names(byDescription(like("")))).containsExactly("Llama-data", "llama_ckpt");
    assertThat(names(byDescription(notIn("100% Checkpoint_1"))))
        .containsExactly("Llama-data", "mistral");
  }

  @Test
  void givenFilesets_list_filtersByPurposeAndStorageType() {
    repository.insert(with(minimal(WS, "a", 0), null, FilesetPurpose.MODEL, s3()));
    repository.insert(with(minimal(WS, "b", 0), null, FilesetPurpose.DATASET, huggingFace()));
    repository.insert(with(minimal(WS, "c", 0), null, FilesetPurpose.MODEL, null));
    repository.insert(minimal(WS, "d", 0));

    assertThat(
            names(
                query(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(FilesetPurpose.MODEL),
                    Optional.empty())))
        .containsExactly("a", "c");
    assertThat(
            names(
                query(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(FilesetPurpose.GENERIC),
                    Optional.empty())))
        .containsExactly("d");
    assertThat(
            names(
                query(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("local"))))
        .containsExactly("c", "d");
    assertThat(
            names(
                query(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of("huggingface"))))
        .containsExactly("b");
    assertThat(
            names(
                query(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(FilesetPurpose.MODEL),
                    Optional.of("s3"))))
        .containsExactly("a");
    assertThat(
            names(query(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("ftp"))))
        .isEmpty();
  }

  @Test
  void givenFilesetsAtKnownTimes_list_filtersByCreationAndUpdateRangesBoundsIncluded() {
    repository.insert(timed("t0", 0, 100));
    repository.insert(timed("t1", 10, 80));
    repository.insert(timed("t2", 20, 90));
    repository.insert(timed("t3", 30, 70));
    repository.insert(timed("t4", 40, 40));
    repository.insert(minimal(OTHER_WS, "elsewhere", 20));

    assertThat(names(byTimes(between(10L, 30L), TimeRange.ANY))).containsExactly("t1", "t2", "t3");
    assertThat(names(byTimes(between(11L, null), TimeRange.ANY))).containsExactly("t2", "t3", "t4");
    assertThat(names(byTimes(between(null, 10L), TimeRange.ANY))).containsExactly("t0", "t1");
    assertThat(names(byTimes(TimeRange.ANY, between(80L, 90L)))).containsExactly("t1", "t2");
    assertThat(names(byTimes(TimeRange.ANY, between(null, 40L)))).containsExactly("t4");
    assertThat(names(byTimes(between(10L, 30L), between(70L, 100L))))
        .containsExactly("t1", "t2", "t3");
    assertThat(names(byTimes(between(30L, 10L), TimeRange.ANY))).isEmpty();
    // Bounds finer than the stored precision round inwards, so nothing lies strictly between.
    assertThat(
            names(
                byTimes(
                    new TimeRange(
                        Optional.of(at(10).plusNanos(1)), Optional.of(at(20).minusNanos(1))),
                    TimeRange.ANY)))
        .isEmpty();
    assertThat(
            names(
                byTimes(
                    new TimeRange(Optional.of(at(20).minusNanos(1)), Optional.of(at(20))),
                    TimeRange.ANY)))
        .containsExactly("t2");

    FilesetQuery combined =
        new FilesetQuery(
            WS,
            Optional.of(notIn("t2")),
            Optional.empty(),
            Optional.of(FilesetPurpose.GENERIC),
            Optional.of("local"),
            between(0L, 30L),
            between(70L, null),
            new EntitySort(EntitySort.Field.CREATED_AT, true),
            new PageSlice(1, 2));
    Page<Fileset> page = repository.list(combined);
    assertThat(page.items()).extracting(f -> f.name().value()).containsExactly("t3", "t1");
    assertThat(page.totalItemCount()).isEqualTo(3);
  }

  @Test
  void givenEachSort_list_ordersBreaksTiesByNameAndPages() {
    repository.insert(minimal(WS, "b", 5));
    repository.insert(minimal(WS, "a", 5));
    repository.insert(minimal(WS, "c", 1));
    repository.insert(minimal(WS, "d", 9));
    repository.insert(minimal(OTHER_WS, "e", 0));

    assertThat(names(sorted(EntitySort.Field.NAME, false, PageSlice.FIRST)))
        .containsExactly("a", "b", "c", "d");
    assertThat(names(sorted(EntitySort.Field.NAME, true, PageSlice.FIRST)))
        .containsExactly("d", "c", "b", "a");
    assertThat(names(sorted(EntitySort.Field.CREATED_AT, false, PageSlice.FIRST)))
        .containsExactly("c", "a", "b", "d");
    assertThat(names(sorted(EntitySort.Field.CREATED_AT, true, PageSlice.FIRST)))
        .containsExactly("d", "a", "b", "c");
    assertThat(names(FilesetQuery.all(WS))).containsExactly("c", "a", "b", "d");

    Page<Fileset> second =
        repository.list(sorted(EntitySort.Field.CREATED_AT, false, new PageSlice(2, 3)));
    assertThat(second.items()).extracting(f -> f.name().value()).containsExactly("d");
    assertThat(second.totalItemCount()).isEqualTo(4);
    assertThat(second.currentPage()).isEqualTo(2);
    assertThat(second.itemsPerPage()).isEqualTo(3);
    assertThat(second.nextCursor()).isEmpty();
    assertThat(repository.list(sorted(EntitySort.Field.NAME, false, new PageSlice(3, 2))).items())
        .isEmpty();
  }

  @Test
  void givenFilesetsInTwoWorkspaces_list_showsOnlyTheQueriedOne() {
    repository.insert(full(WS, "mine", s3()));
    repository.insert(minimal(OTHER_WS, "theirs", 0));

    Page<Fileset> page = repository.list(FilesetQuery.all(WS));
    assertThat(page.items()).containsExactly(full(WS, "mine", s3()));
    assertThat(page.totalItemCount()).isEqualTo(1);
    assertThat(repository.list(FilesetQuery.all(new WorkspaceName("empty"))).items()).isEmpty();
  }
}
