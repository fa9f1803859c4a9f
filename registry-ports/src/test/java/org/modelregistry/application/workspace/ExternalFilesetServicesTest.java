package org.modelregistry.application.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modelregistry.application.workspace.WorkspaceServices.USER;
import static org.modelregistry.application.workspace.WorkspaceServices.newFileset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.error.NotFoundException;
import org.modelregistry.domain.error.ValidationException;
import org.modelregistry.domain.error.Violation;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.workspace.Fileset;
import org.modelregistry.domain.workspace.FilesetRef;
import org.modelregistry.domain.workspace.FilesetStorage;
import org.modelregistry.ports.in.workspace.FilesetFile;
import org.modelregistry.ports.in.workspace.FilesetFile.CacheStatus;
import org.modelregistry.ports.in.workspace.ReadFilesetFileUseCase.FileContent;
import org.modelregistry.ports.out.ExternalSourceException;
import org.modelregistry.ports.out.memory.InMemoryExternalFileSource;

/**
 * Filesets whose files live at an external source: S3 files are read through every time, Hugging
 * Face files are copied into the registry's store on their first read, checked against the
 * published SHA-256.
 */
class ExternalFilesetServicesTest {

  private static final FilesetStorage.HuggingFace HUB =
      new FilesetStorage.HuggingFace("org/llama", "main", null, null);
  private static final FilesetStorage.S3 BUCKET =
      new FilesetStorage.S3("models", new FilePath("llama/v1"), null, null, null, null);
  private static final FilePath CONFIG = new FilePath("config.json");
  private static final FilePath WEIGHTS = new FilePath("weights/model.safetensors");

  private final WorkspaceServices services = new WorkspaceServices();
  private final InMemoryExternalFileSource external = services.external;

  ExternalFilesetServicesTest() {
    external.add(HUB, "config.json", "{\"model_type\":\"llama\"}");
    external.add(HUB, "weights/model.safetensors", "tensor bytes");
    external.add(BUCKET, "config.json", "{}");
  }

  private FilesetRef create(String name, FilesetStorage storage) {
    return services.createFileset.create(USER, newFileset(name, storage)).ref();
  }

  private static String text(FileContent content) throws IOException {
    try (content) {
      return new String(content.bytes().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void givenAHubBranch_create_pinsTheFilesetToItsCommit() {
    Fileset created = services.createFileset.create(USER, newFileset("hub", HUB));

    assertThat(((FilesetStorage.HuggingFace) created.storage()).revision())
        .isEqualTo(InMemoryExternalFileSource.COMMIT);
    assertThat(services.getFileset.get(USER, created.ref()).storage()).isEqualTo(created.storage());
  }

  @Test
  void givenASourceThatIsNotThere_create_isAViolationInsideStorageAndStoresNothing() {
    var missing = new FilesetStorage.HuggingFace("org/none", null, null, null);
    external.missing(missing);

    assertThatThrownBy(() -> create("hub", missing))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::path)
                    .containsExactly(java.util.List.of("storage", "repo_id")));
    assertThat(services.filesets.find(WorkspaceServices.WS, WorkspaceServices.name("hub")))
        .isEmpty();
  }

  @Test
  void givenATakenName_create_isAConflictBeforeTheSourceIsAsked() {
    create("hub", HUB);
    var missing = new FilesetStorage.HuggingFace("org/none", null, null, null);
    external.missing(missing);

    assertThatThrownBy(() -> create("hub", missing)).isInstanceOf(ConflictException.class);
  }

  @Test
  void givenAHubFileset_list_showsItsFilesNotCachedUntilTheyAreRead() throws IOException {
    FilesetRef hub = create("hub", HUB);

    assertThat(services.listFiles.list(USER, hub))
        .extracting(FilesetFile::path, FilesetFile::cacheStatus)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(CONFIG, CacheStatus.NOT_CACHED),
            org.assertj.core.groups.Tuple.tuple(WEIGHTS, CacheStatus.NOT_CACHED));

    assertThat(text(services.readFile.open(USER, hub, CONFIG, 0, -1)))
        .isEqualTo("{\"model_type\":\"llama\"}");

    assertThat(services.listFiles.list(USER, hub))
        .extracting(FilesetFile::path, FilesetFile::cacheStatus)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(CONFIG, CacheStatus.CACHED),
            org.assertj.core.groups.Tuple.tuple(WEIGHTS, CacheStatus.NOT_CACHED));
    assertThat(services.readFile.describe(USER, hub, CONFIG).cacheStatus())
        .isEqualTo(CacheStatus.CACHED);
  }

  @Test
  void givenAHubFile_readTwice_copiesItOnceAndServesRangesFromTheCopy() throws IOException {
    FilesetRef hub = create("hub", HUB);

    assertThat(text(services.readFile.open(USER, hub, WEIGHTS, 0, -1))).isEqualTo("tensor bytes");
    assertThat(text(services.readFile.open(USER, hub, WEIGHTS, 7, 5))).isEqualTo("bytes");

    assertThat(external.wholeReadsOf(WEIGHTS.value())).isEqualTo(1);
    assertThat(services.store.stat(FilesetStorageLayout.file(hub, WEIGHTS))).isPresent();
  }

  @Test
  void givenAHubFileWhoseBytesDoNotMatchTheirDigest_read_failsAndKeepsNoCopy() {
    FilesetRef hub = create("hub", HUB);
    external.publishWrongDigest();

    assertThatThrownBy(() -> services.readFile.open(USER, hub, CONFIG, 0, -1))
        .isInstanceOf(ExternalSourceException.class)
        .hasMessageContaining("SHA-256")
        .hasMessageContaining("nothing was kept");
    assertThat(services.store.stat(FilesetStorageLayout.file(hub, CONFIG))).isEmpty();
  }

  @Test
  void givenAFileTheSourceDoesNotHave_read_isNotFound() {
    FilesetRef hub = create("hub", HUB);
    FilesetRef bucket = create("bucket", BUCKET);

    assertThatThrownBy(() -> services.readFile.open(USER, hub, new FilePath("nope"), 0, -1))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> services.readFile.describe(USER, bucket, new FilePath("nope")))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void givenAnS3Fileset_readsGoToTheBucketEveryTimeAndAreNeverCopied() throws IOException {
    FilesetRef bucket = create("bucket", BUCKET);

    assertThat(services.listFiles.list(USER, bucket))
        .extracting(FilesetFile::path, FilesetFile::cacheStatus)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(CONFIG, CacheStatus.NOT_CACHEABLE));
    assertThat(text(services.readFile.open(USER, bucket, CONFIG, 0, -1))).isEqualTo("{}");
    assertThat(text(services.readFile.open(USER, bucket, CONFIG, 1, 1))).isEqualTo("}");

    assertThat(services.store.list(FilesetStorageLayout.folder(bucket))).isEmpty();
    assertThat(external.wholeReadsOf(CONFIG.value())).isEqualTo(1);
  }

  @Test
  void givenAnExternalFileset_writesAreRefused() {
    FilesetRef hub = create("hub", HUB);

    assertThatThrownBy(
            () ->
                services.putFile.put(
                    USER, hub, CONFIG, new java.io.ByteArrayInputStream(new byte[1]), 1))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> services.deleteFile.delete(USER, hub, CONFIG))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void givenACopiedHubFile_deleteFileset_sweepsTheCopy() throws IOException {
    FilesetRef hub = create("hub", HUB);
    text(services.readFile.open(USER, hub, CONFIG, 0, -1));

    services.deleteFileset.delete(USER, hub);

    assertThat(services.store.list(FilesetStorageLayout.folder(hub))).isEmpty();
  }

  @Test
  void givenASmallHubFileWithoutADigest_itsTagStaysTheSameBeforeAndAfterTheCopy()
      throws IOException {
    external.addSmall(HUB, "tokenizer_config.json", "{\"chat_template\": \"x\"}");
    FilesetRef hub = create("hub", HUB);
    FilePath tokenizer = new FilePath("tokenizer_config.json");

    FilesetFile before = services.readFile.describe(USER, hub, tokenizer);
    FileContent content = services.readFile.open(USER, hub, tokenizer, 0, -1);
    FilesetFile after = services.readFile.describe(USER, hub, tokenizer);

    assertThat(content.file().etag()).isEqualTo(before.etag()).startsWith("git-");
    assertThat(text(content)).contains("chat_template");
    assertThat(after.etag()).isEqualTo(before.etag());
    assertThat(after.cacheStatus()).isEqualTo(CacheStatus.CACHED);
  }

  @Test
  void givenConcurrentFirstReads_theFileIsCopiedOnceAndShownAsCaching() throws Exception {
    FilesetRef hub = create("hub", HUB);
    var gate = new java.util.concurrent.CountDownLatch(1);
    external.gateWholeReads(gate);
    try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      var readers =
          java.util.stream.IntStream.range(0, 4)
              .mapToObj(
                  i -> pool.submit(() -> text(services.readFile.open(USER, hub, WEIGHTS, 0, -1))))
              .toList();
      assertThat(external.awaitGatedRead()).isTrue();

      assertThat(services.readFile.describe(USER, hub, WEIGHTS).cacheStatus())
          .isEqualTo(CacheStatus.CACHING);
      gate.countDown();
      for (var reader : readers) {
        assertThat(reader.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("tensor bytes");
      }
    }
    assertThat(external.wholeReadsOf(WEIGHTS.value())).isEqualTo(1);
  }

  @Test
  void givenAFilesetDeletedAndCreatedAgainDuringACopy_theCopyIsNotKept() throws Exception {
    FilesetRef hub = create("hub", HUB);
    var gate = new java.util.concurrent.CountDownLatch(1);
    external.gateWholeReads(gate);
    try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      var reader = pool.submit(() -> services.readFile.open(USER, hub, CONFIG, 0, -1));
      assertThat(external.awaitGatedRead()).isTrue();

      services.deleteFileset.delete(USER, hub);
      var other = new FilesetStorage.HuggingFace("org/other", null, null, null);
      external.add(other, "config.json", "{}");
      create("hub", other);
      gate.countDown();

      assertThatThrownBy(() -> reader.get(10, java.util.concurrent.TimeUnit.SECONDS))
          .hasCauseInstanceOf(NotFoundException.class);
    }
    assertThat(services.store.stat(FilesetStorageLayout.file(hub, CONFIG))).isEmpty();
  }
}
