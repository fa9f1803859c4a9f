package org.modelregistry.application.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.workspace.Fileset;
import org.modelregistry.domain.workspace.FilesetRef;
import org.modelregistry.domain.workspace.FilesetStorage;
import org.modelregistry.ports.in.workspace.FilesetFile;
import org.modelregistry.ports.in.workspace.FilesetFile.CacheStatus;
import org.modelregistry.ports.in.workspace.ReadFilesetFileUseCase.FileContent;
import org.modelregistry.ports.out.ArtifactStore;
import org.modelregistry.ports.out.ExternalFile;
import org.modelregistry.ports.out.ExternalFileSource;
import org.modelregistry.ports.out.ExternalSourceException;
import org.modelregistry.ports.out.FilesetRepository;
import org.modelregistry.ports.out.ReadableFiles;
import org.modelregistry.ports.out.StorageException;

/**
 * Where the bytes of a fileset are, whatever its storage: the one place that tells the three apart.
 * Files of the registry's own store are read there; files of an S3 bucket are read through from the
 * bucket every time; files of a Hugging Face repository are copied into the registry's store on
 * their first read and served from there after (the fileset's revision is pinned to a commit when
 * it is created, so a copy never goes stale). The copy is checked against the size and the SHA-256
 * the repository publishes; a copy that does not match is discarded.
 *
 * <p>One instance is shared by the fileset services of a node: it knows which copies are running.
 * Two reads of the same uncopied file wait for one copy rather than making two.
 */
public final class FilesetContents {

  private final FilesetRepository filesets;
  private final ArtifactStore store;
  private final ExternalFileSource external;

  /** The copies running on this node, by where they go in the store. */
  private final Map<FilePath, CompletableFuture<Void>> copying = new ConcurrentHashMap<>();

  public FilesetContents(
      FilesetRepository filesets, ArtifactStore store, ExternalFileSource external) {
    this.filesets = Objects.requireNonNull(filesets);
    this.store = Objects.requireNonNull(store);
    this.external = Objects.requireNonNull(external);
  }

  /**
   * The storage to record for a new fileset: external sources are checked and pinned; none (null)
   * and the registry's own store are kept as they are.
   */
  static FilesetStorage pin(ExternalFileSource external, FilesetStorage storage) {
    return storage == null || storage instanceof FilesetStorage.Local
        ? storage
        : external.pin(storage);
  }

  /** Every file of {@code fileset}, in path order. */
  List<FilesetFile> list(Fileset fileset) {
    FilesetRef ref = fileset.ref();
    return switch (fileset.storage()) {
      case FilesetStorage.Local local -> storedFiles(ref);
      case FilesetStorage.S3 s3 ->
          external.list(s3).stream().map(f -> describe(f, CacheStatus.NOT_CACHEABLE)).toList();
      case FilesetStorage.HuggingFace hf -> {
        Set<FilePath> copied =
            storedFiles(ref).stream().map(FilesetFile::path).collect(Collectors.toSet());
        yield external.list(hf).stream()
            .map(f -> describe(f, copyStatus(ref, f.path(), copied.contains(f.path()))))
            .toList();
      }
    };
  }

  /**
   * The file at {@code path} of {@code fileset}. A Hugging Face file keeps the hub's tag whether it
   * was copied or not, so a download's validators never change under a client; when the hub cannot
   * answer, a copied file is described from the copy.
   *
   * @throws org.modelregistry.domain.error.NotFoundException when there is none
   */
  FilesetFile describe(Fileset fileset, FilePath path) {
    FilesetRef ref = fileset.ref();
    return switch (fileset.storage()) {
      case FilesetStorage.Local local ->
          stored(ref, path).orElseThrow(() -> FilesetFiles.fileNotFound(ref, path));
      case FilesetStorage.S3 s3 ->
          external
              .stat(s3, path)
              .map(f -> describe(f, CacheStatus.NOT_CACHEABLE))
              .orElseThrow(() -> FilesetFiles.fileNotFound(ref, path));
      case FilesetStorage.HuggingFace hf -> {
        Optional<FilesetFile> copy = stored(ref, path);
        Optional<ExternalFile> remote;
        try {
          remote = external.stat(hf, path);
        } catch (ExternalSourceException e) {
          if (copy.isPresent()) {
            FilesetFile c = copy.get();
            yield new FilesetFile(path, c.size(), c.etag(), CacheStatus.CACHED);
          }
          throw e;
        }
        yield remote
            .map(f -> describe(f, copyStatus(ref, path, copy.isPresent())))
            .orElseThrow(() -> FilesetFiles.fileNotFound(ref, path));
      }
    };
  }

  /**
   * Opens {@code length} bytes (-1: to the end) of the file from {@code offset}; a Hugging Face
   * file is copied into the store first when it is not there yet.
   *
   * @throws ConflictException when the file became shorter than {@code offset} since it was
   *     described
   */
  FileContent open(Fileset fileset, FilePath path, long offset, long length) {
    FilesetRef ref = fileset.ref();
    if (offset < 0) {
      throw new IllegalArgumentException("offset " + offset + " is negative");
    }
    if (fileset.storage() instanceof FilesetStorage.HuggingFace hf) {
      copyIfMissing(fileset, hf, path);
    }
    FilesetFile file = describe(fileset, path);
    if (offset > file.size()) {
      throw new ConflictException("'" + path + "' changed while it was being read; ask again");
    }
    Optional<InputStream> bytes =
        fileset.storage() instanceof FilesetStorage.S3 s3
            ? external.read(s3, path, offset, length)
            : store.read(FilesetFiles.stored(ref, path), offset, length);
    // The file may be deleted between the look and the read: then it is simply not found.
    return new FileContent(file, bytes.orElseThrow(() -> FilesetFiles.fileNotFound(ref, path)));
  }

  /**
   * The files of {@code fileset} for reading small parts of them, such as checkpoint metadata:
   * copies already made are read from the store, everything else from the source by range, without
   * copying whole files.
   */
  ReadableFiles readable(Fileset fileset) {
    FilesetRef ref = fileset.ref();
    ReadableFiles stored = ReadableFiles.in(store, FilesetStorageLayout.folder(ref));
    return switch (fileset.storage()) {
      case FilesetStorage.Local local -> stored;
      case FilesetStorage.S3 s3 -> fromSource(s3, null);
      case FilesetStorage.HuggingFace hf -> fromSource(hf, stored);
    };
  }

  /** The paths of every file of {@code fileset}, in order; without {@link #list}'s statuses. */
  List<FilePath> paths(Fileset fileset) {
    return switch (fileset.storage()) {
      case FilesetStorage.Local local ->
          storedFiles(fileset.ref()).stream().map(FilesetFile::path).toList();
      case FilesetStorage.S3 s3 -> external.list(s3).stream().map(ExternalFile::path).toList();
      case FilesetStorage.HuggingFace hf ->
          external.list(hf).stream().map(ExternalFile::path).toList();
    };
  }

  private ReadableFiles fromSource(FilesetStorage storage, ReadableFiles copies) {
    return new ReadableFiles() {
      @Override
      public OptionalLong size(FilePath path) {
        OptionalLong copied = copies == null ? OptionalLong.empty() : copies.size(path);
        if (copied.isPresent()) {
          return copied;
        }
        return external
            .stat(storage, path)
            .map(f -> OptionalLong.of(f.size()))
            .orElse(OptionalLong.empty());
      }

      @Override
      public Optional<InputStream> read(FilePath path, long offset, long length) {
        if (copies != null && copies.size(path).isPresent()) {
          return copies.read(path, offset, length);
        }
        return external.read(storage, path, offset, length);
      }
    };
  }

  /**
   * Copies the repository's file into the store unless it is there. One copy per file at a time:
   * later readers wait for the running copy, then look again (and copy themselves if it failed).
   * The bytes are checked against the size and SHA-256 the hub publishes while they stream, before
   * the store keeps them, so no reader ever sees an unchecked copy. A fileset deleted (or deleted
   * and created again) while its file was copying loses the copy.
   */
  private void copyIfMissing(Fileset fileset, FilesetStorage.HuggingFace hf, FilePath path) {
    FilesetRef ref = fileset.ref();
    FilePath target = FilesetFiles.stored(ref, path);
    while (store.stat(target).isEmpty()) {
      CompletableFuture<Void> mine = new CompletableFuture<>();
      CompletableFuture<Void> running = copying.putIfAbsent(target, mine);
      if (running != null) {
        // Its outcome does not matter: the loop looks at the store again.
        running.exceptionally(failure -> null).join();
        continue;
      }
      try {
        if (store.stat(target).isEmpty()) {
          copy(fileset, hf, path, target);
        }
        mine.complete(null);
      } catch (RuntimeException e) {
        mine.completeExceptionally(e);
        throw e;
      } finally {
        copying.remove(target, mine);
      }
    }
  }

  private void copy(Fileset fileset, FilesetStorage hf, FilePath path, FilePath target) {
    FilesetRef ref = fileset.ref();
    ExternalFile source =
        external.stat(hf, path).orElseThrow(() -> FilesetFiles.fileNotFound(ref, path));
    InputStream bytes =
        external
            .read(hf, path, 0, -1)
            .orElseThrow(
                () ->
                    new ExternalSourceException("'" + path + "' vanished from " + hf.sourceUri()));
    var checked = new CheckedCopy(bytes, source, hf.sourceUri());
    try (checked) {
      store.write(target, checked, source.size());
    } catch (StorageException e) {
      // A body of the wrong size or digest fails the write: the source is at fault, not the store.
      throw checked.failure().map(RuntimeException.class::cast).orElse(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    boolean sameFileset =
        filesets
            .find(ref.workspace(), ref.name())
            .filter(now -> now.createdAt().equals(fileset.createdAt()))
            .filter(now -> now.storage().equals(fileset.storage()))
            .isPresent();
    if (!sameFileset) {
      store.delete(target);
      throw WorkspaceLookups.filesetNotFound(ref);
    }
  }

  private List<FilesetFile> storedFiles(FilesetRef ref) {
    return store.list(FilesetStorageLayout.folder(ref)).stream()
        .flatMap(
            stored ->
                FilesetStorageLayout.relative(ref, stored.path()).stream()
                    .map(path -> FilesetFiles.describe(path, stored)))
        .toList();
  }

  private Optional<FilesetFile> stored(FilesetRef ref, FilePath path) {
    return store
        .stat(FilesetFiles.stored(ref, path))
        .map(stored -> FilesetFiles.describe(path, stored));
  }

  private static FilesetFile describe(ExternalFile file, CacheStatus status) {
    return new FilesetFile(file.path(), file.size(), file.etag(), status);
  }

  private CacheStatus copyStatus(FilesetRef ref, FilePath path, boolean copied) {
    if (copied) {
      return CacheStatus.CACHED;
    }
    boolean running = storable(ref, path).map(copying::containsKey).orElse(false);
    return running ? CacheStatus.CACHING : CacheStatus.NOT_CACHED;
  }

  /** Where a file would be copied to, if its path fits below the fileset's folder. */
  private static Optional<FilePath> storable(FilesetRef ref, FilePath path) {
    try {
      return Optional.of(FilesetStorageLayout.file(ref, path));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
