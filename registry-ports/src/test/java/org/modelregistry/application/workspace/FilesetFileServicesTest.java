package org.modelregistry.application.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modelregistry.application.workspace.CreateModelEntityServiceTest.paths;
import static org.modelregistry.application.workspace.WorkspaceServices.APPROVED;
import static org.modelregistry.application.workspace.WorkspaceServices.USER;
import static org.modelregistry.application.workspace.WorkspaceServices.filesetRef;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.error.NotFoundException;
import org.modelregistry.domain.error.ValidationException;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.workspace.FilesetRef;
import org.modelregistry.ports.in.workspace.FilesetFile;
import org.modelregistry.ports.in.workspace.ReadFilesetFileUseCase.FileContent;
import org.modelregistry.ports.out.StorageException;

/** The fileset file services: put, read (open, describe), delete, list. */
class FilesetFileServicesTest {

  private static final FilePath CONFIG = new FilePath("config.json");
  // SHA-256 of "hello world".
  private static final String HELLO_SHA =
      "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9";

  private final WorkspaceServices services = new WorkspaceServices();
  private final FilesetRef fs = services.fileset("fs", null).ref();

  private static InputStream bytes(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  private FilesetFile put(String path, String text) {
    return services.putFile.put(USER, fs, new FilePath(path), bytes(text), -1);
  }

  @Test
  void givenALocalFileset_put_storesTheFileBelowItsFolder() {
    FilesetFile stored = put("config.json", "hello world");

    assertThat(stored).isEqualTo(FilesetFile.stored(CONFIG, 11, HELLO_SHA));
    assertThat(services.store.stat(new FilePath("filesets/team/fs/config.json"))).isPresent();
  }

  @Test
  void givenAnExistingFile_put_replacesIt() {
    put("config.json", "old");

    put("config.json", "hello world");

    assertThat(services.readFile.describe(USER, fs, CONFIG).size()).isEqualTo(11);
  }

  @Test
  void givenAWrongExpectedSize_put_failsAndStoresNothing() {
    assertThatThrownBy(() -> services.putFile.put(USER, fs, CONFIG, bytes("hello"), 99))
        .isInstanceOf(StorageException.class);
    assertThat(services.listFiles.list(USER, fs)).isEmpty();
  }

  @Test
  void givenNoSuchFileset_put_isNotFoundAndStoresNothing() {
    var missing = filesetRef("nope");

    assertThatThrownBy(() -> services.putFile.put(USER, missing, CONFIG, bytes("x"), -1))
        .isInstanceOf(NotFoundException.class);
    assertThat(services.store.list(FilesetStorageLayout.folder(missing))).isEmpty();
  }

  @Test
  void givenAFilesetDeletedDuringTheUpload_put_isNotFoundAndLeavesNothing() {
    InputStream deletingWhileRead =
        new ByteArrayInputStream("late".getBytes(StandardCharsets.UTF_8)) {
          @Override
          public byte[] readAllBytes() {
            services.deleteFileset.delete(USER, fs);
            return super.readAllBytes();
          }
        };

    assertThatThrownBy(() -> services.putFile.put(USER, fs, CONFIG, deletingWhileRead, -1))
        .isInstanceOf(NotFoundException.class);
    assertThat(services.store.list(FilesetStorageLayout.folder(fs))).isEmpty();
  }

  @Test
  void givenAnExternalFileset_putAndDelete_areConflicts() {
    var remote = services.fileset("remote", APPROVED).ref();

    assertThatThrownBy(() -> services.putFile.put(USER, remote, CONFIG, bytes("x"), -1))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("huggingface");
    assertThatThrownBy(() -> services.deleteFile.delete(USER, remote, CONFIG))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void givenAPathTooLongBelowTheFolder_put_isAViolationAtPath() {
    // Valid alone (4 segments of 252 bytes + 3 slashes = 1011 bytes), too long with the prefix.
    var longPath =
        new FilePath(
            "a".repeat(252)
                + "/"
                + "b".repeat(252)
                + "/"
                + "c".repeat(252)
                + "/"
                + "d".repeat(252));

    assertThatThrownBy(() -> services.putFile.put(USER, fs, longPath, bytes("x"), -1))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(paths(e)).containsExactly(List.of("path")));
  }

  @Test
  void givenAStoredFile_open_streamsTheRequestedRange() throws IOException {
    put("config.json", "hello world");

    try (FileContent whole = services.readFile.open(USER, fs, CONFIG, 0, -1);
        FileContent range = services.readFile.open(USER, fs, CONFIG, 6, 3)) {
      assertThat(new String(whole.bytes().readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("hello world");
      assertThat(new String(range.bytes().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("wor");
      assertThat(range.file()).isEqualTo(FilesetFile.stored(CONFIG, 11, HELLO_SHA));
    }
  }

  @Test
  void givenAnOffsetBeyondTheEnd_open_isRefused() {
    put("config.json", "hello world");

    // Callers pick offsets from a description: beyond the end, the file changed in between.
    assertThatThrownBy(() -> services.readFile.open(USER, fs, CONFIG, 12, -1))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> services.readFile.open(USER, fs, CONFIG, -1, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenNoSuchFileOrFileset_readAndDelete_areNotFound() {
    assertThatThrownBy(() -> services.readFile.describe(USER, fs, CONFIG))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("config.json");
    assertThatThrownBy(() -> services.readFile.open(USER, filesetRef("nope"), CONFIG, 0, -1))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> services.deleteFile.delete(USER, fs, CONFIG))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> services.listFiles.list(USER, filesetRef("nope")))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void givenAStoredFile_delete_removesOnlyIt() {
    put("config.json", "hello world");
    put("weights/a.safetensors", "xx");

    FilesetFile deleted = services.deleteFile.delete(USER, fs, CONFIG);

    assertThat(deleted).isEqualTo(FilesetFile.stored(CONFIG, 11, HELLO_SHA));
    assertThat(services.listFiles.list(USER, fs))
        .extracting(FilesetFile::path)
        .containsExactly(new FilePath("weights/a.safetensors"));
  }

  @Test
  void givenFilesOfFilesetsWithACommonPrefix_list_returnsOnlyTheFilesetsFilesInPathOrder() {
    var other = services.fileset("fs2", null).ref();
    put("z.txt", "z");
    put("a/b.txt", "hello world");
    services.putFile.put(USER, other, CONFIG, bytes("x"), -1);

    assertThat(services.listFiles.list(USER, fs))
        .containsExactly(
            FilesetFile.stored(new FilePath("a/b.txt"), 11, HELLO_SHA),
            FilesetFile.stored(
                new FilePath("z.txt"),
                1,
                "594e519ae499312b29433b7dd8a97ff068defcba9755b6d5d00e84c524d67b06"));
  }
}
