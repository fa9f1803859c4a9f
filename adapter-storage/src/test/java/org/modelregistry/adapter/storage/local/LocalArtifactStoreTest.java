package org.modelregistry.adapter.storage.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.ports.out.StorageException;
import org.modelregistry.ports.out.StoredArtifact;

/** What only the filesystem store does: its layout, its own traversal checks, its cleanup. */
class LocalArtifactStoreTest {

  private static final byte[] SECRET = "outside the store".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;
  private Path root;
  private Path files;
  private Path outside;

  @BeforeEach
  void createOutsideFolder() throws IOException {
    root = dir.resolve("store");
    files = root.resolve(LocalArtifactStore.FILES);
    outside = Files.createDirectories(dir.resolve("outside"));
    Files.write(outside.resolve("secret.txt"), SECRET);
  }

  @Test
  void givenItsFolders_readinessCheck_passes_andFailsOnceTheyAreGone() throws Exception {
    Path root = dir.resolve("store");
    var store = new LocalArtifactStore(root);
    assertThatCode(store.readinessCheck()::check).doesNotThrowAnyException();

    Files.delete(root.resolve("incoming"));

    assertThatThrownBy(store.readinessCheck()::check)
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("incoming");
  }

  @Test
  void givenMissingRootFolder_construct_createsItWithItsTwoAreas() {
    new LocalArtifactStore(root.resolve("deeper"));

    assertThat(root.resolve("deeper").resolve(LocalArtifactStore.FILES)).isDirectory();
    assertThat(root.resolve("deeper").resolve(LocalArtifactStore.INCOMING)).isEmptyDirectory();
  }

  @Test
  void givenSymbolicLinkInsideTheRootToAFolderOutside_everyOperation_isRefused()
      throws IOException {
    var store = new LocalArtifactStore(root);
    Files.createSymbolicLink(files.resolve("escape"), outside);

    assertThatThrownBy(() -> store.read(path("escape/secret.txt"), 0, -1))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("symbolic link");
    assertThatThrownBy(() -> store.stat(path("escape/secret.txt")))
        .isInstanceOf(StorageException.class);
    assertThatThrownBy(() -> store.delete(path("escape/secret.txt")))
        .isInstanceOf(StorageException.class);
    assertThatThrownBy(() -> store.list(path("escape"))).isInstanceOf(StorageException.class);
    assertThatThrownBy(() -> store.deleteAll(path("escape"))).isInstanceOf(StorageException.class);
    assertThatThrownBy(() -> store.write(path("escape/new.txt"), content("x"), 1))
        .isInstanceOf(StorageException.class);

    try (Stream<Path> left = Files.list(outside)) {
      assertThat(left).containsExactly(outside.resolve("secret.txt"));
    }
    assertThat(outside.resolve("secret.txt")).hasBinaryContent(SECRET);
    assertThat(root.resolve(LocalArtifactStore.INCOMING)).isEmptyDirectory();
  }

  @Test
  void givenSymbolicLinkInsideTheRootToAFileOutside_readStatAndWrite_areRefused()
      throws IOException {
    var store = new LocalArtifactStore(root);
    Files.createSymbolicLink(files.resolve("passwd"), outside.resolve("secret.txt"));

    assertThatThrownBy(() -> store.read(path("passwd"), 0, -1))
        .isInstanceOf(StorageException.class);
    assertThatThrownBy(() -> store.stat(path("passwd"))).isInstanceOf(StorageException.class);
    assertThatThrownBy(() -> store.write(path("passwd"), content("overwritten"), -1))
        .isInstanceOf(StorageException.class);

    assertThat(outside.resolve("secret.txt")).hasBinaryContent(SECRET);
  }

  @Test
  void givenSymbolicLinkInsideAListedFolder_listAndDeleteAll_neitherFollowNorCountIt()
      throws IOException {
    var store = new LocalArtifactStore(root);
    StoredArtifact real = store.write(path("docs/real.txt"), content("real"), 4);
    Files.createSymbolicLink(files.resolve("docs/link"), outside);
    Files.createSymbolicLink(files.resolve("docs/file-link"), outside.resolve("secret.txt"));

    assertThat(store.list(path("docs"))).containsExactly(real);
    assertThat(store.deleteAll(path("docs"))).isEqualTo(1);

    assertThat(outside.resolve("secret.txt")).hasBinaryContent(SECRET);
  }

  @ParameterizedTest
  @ValueSource(strings = {"../outside", "a/../../outside", "a/../..", "/etc/passwd", ".", ""})
  void givenRelativePathThatLeavesTheBase_within_refusesIt(String relative) {
    assertThatThrownBy(() -> LocalArtifactStore.within(files, relative))
        .isInstanceOf(StorageException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "a/b c/d", "a/./b", "a/../b", "..a/b.."})
  void givenRelativePathInsideTheBase_within_resolvesItBelowTheBase(String relative) {
    Path resolved = LocalArtifactStore.within(files, relative);

    assertThat(resolved).startsWithRaw(files).isNotEqualTo(files);
  }

  @Test
  void givenStoredFile_onDisk_isItsContentAfterAHeaderBelowFiles() throws IOException {
    var store = new LocalArtifactStore(root);

    store.write(path("models/m1/config.json"), content("{}"), 2);

    Path stored = files.resolve("models/m1/config.json");
    assertThat(stored).isRegularFile();
    assertThat(Files.size(stored)).isEqualTo(LocalArtifactStore.HEADER_SIZE + 2);
    assertThat(Files.readAllBytes(stored)).endsWith("{}".getBytes(StandardCharsets.UTF_8));
    assertThat(root.resolve(LocalArtifactStore.INCOMING)).isEmptyDirectory();
  }

  @Test
  void givenForeignFileWithoutHeader_statAndRead_failWithStorageException() throws IOException {
    var store = new LocalArtifactStore(root);
    Files.write(files.resolve("foreign"), SECRET);

    assertThatThrownBy(() -> store.stat(path("foreign")))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("not written by this store");
    assertThatThrownBy(() -> store.read(path("foreign"), 0, -1))
        .isInstanceOf(StorageException.class);
  }

  @Test
  void givenLastFileOfNestedFolders_delete_removesTheEmptyFolders() {
    var store = new LocalArtifactStore(root);
    store.write(path("a/b/c/file"), content("x"), 1);
    store.write(path("keep/file"), content("y"), 1);

    assertThat(store.delete(path("a/b/c/file"))).isTrue();

    assertThat(files.resolve("a")).doesNotExist();
    assertThat(files.resolve("keep/file")).exists();
    assertThat(files).isDirectory();
  }

  @Test
  void givenStaleAndFreshUploads_construct_removesOnlyTheStaleOne() throws IOException {
    Path incoming = Files.createDirectories(root.resolve(LocalArtifactStore.INCOMING));
    Path stale = Files.write(incoming.resolve("stale.part"), SECRET);
    Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
    Path fresh = Files.write(incoming.resolve("fresh.part"), SECRET);

    new LocalArtifactStore(root);

    assertThat(stale).doesNotExist();
    assertThat(fresh).exists();
  }

  @Test
  void givenExistingStore_constructAgain_keepsItsFiles() {
    StoredArtifact written = new LocalArtifactStore(root).write(path("kept"), content("abc"), 3);

    var reopened = new LocalArtifactStore(root);

    assertThat(reopened.stat(path("kept"))).contains(written);
  }

  private static FilePath path(String value) {
    return new FilePath(value);
  }

  private static ByteArrayInputStream content(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
