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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
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
import org.modelregistry.ports.out.StoredArtifact;

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
  private final Map<FilePath, ReentrantLock> copying = new ConcurrentHashMap<>();

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
          external.list(s3).stream().map(f -> readThrough(f.path(), f)).toList();
      case FilesetStorage.HuggingFace hf -> {
        Map<FilePath, FilesetFile> copied =
            storedFiles(ref).stream()
                .collect(Collectors.toMap(FilesetFile::path, f -> f, (a, b) -> a));
        Set<FilePath> running = copying.keySet();
        yield external.list(hf).stream()
            .map(f -> copyable(ref, f, copied.get(f.path()), running))
            .toList();
      }
    };
  }

  /**
   * The file at {@code path} of {@code fileset}.
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
              .map(f -> readThrough(path, f))
              .orElseThrow(() -> FilesetFiles.fileNotFound(ref, path));
      case FilesetStorage.HuggingFace hf ->
          stored(ref, path)
              .map(f -> new FilesetFile(path, f.size(), f.etag(), CacheStatus.CACHED))
              .or(() -> external.stat(hf, path).map(f -> copyable(ref, f, null, copying.keySet())))
              .orElseThrow(() -> FilesetFiles.fileNotFound(ref, path));
    };
  }

  /**
   * Opens {@code length} bytes (-1: to the end) of the file from {@code offset}; a Hugging Face
   * file is copied into the store first when it is not there yet.
   */
  FileContent open(Fileset fileset, FilePath path, long offset, long length) {
    FilesetRef ref = fileset.ref();
    if (fileset.storage() instanceof FilesetStorage.HuggingFace hf) {
      copyIfMissing(ref, hf, path);
    }
    FilesetFile file = describe(fileset, path);
    if (offset < 0 || offset > file.size()) {
      throw new IllegalArgumentException(
          "offset " + offset + " is outside the file of " + file.size() + " bytes");
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

  /** The paths of every file of {@code fileset}, in order. */
  List<FilePath> paths(Fileset fileset) {
    return list(fileset).stream().map(FilesetFile::path).toList();
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
   * Copies the repository's file into the store unless it is there. One copy per file at a time; a
   * fileset deleted while its file was copying loses the copy too.
   */
  private void copyIfMissing(FilesetRef ref, FilesetStorage.HuggingFace hf, FilePath path) {
    FilePath target = FilesetFiles.stored(ref, path);
    if (store.stat(target).isPresent()) {
      return;
    }
    ReentrantLock lock = copying.computeIfAbsent(target, t -> new ReentrantLock());
    lock.lock();
    try {
      if (store.stat(target).isPresent()) {
        return;
      }
      ExternalFile source =
          external.stat(hf, path).orElseThrow(() -> FilesetFiles.fileNotFound(ref, path));
      StoredArtifact copied = copy(hf, source, target);
      if (source.sha256().isPresent() && !source.sha256().get().equals(copied.sha256())) {
        store.delete(target);
        throw new ExternalSourceException(
            "the bytes of '"
                + path
                + "' from "
                + hf.sourceUri()
                + " do not match the SHA-256 the repository publishes; nothing was kept");
      }
      if (filesets.find(ref.workspace(), ref.name()).isEmpty()) {
        store.delete(target);
        throw WorkspaceLookups.filesetNotFound(ref);
      }
    } finally {
      lock.unlock();
      copying.remove(target, lock);
    }
  }

  private StoredArtifact copy(FilesetStorage storage, ExternalFile source, FilePath target) {
    InputStream bytes =
        external
            .read(storage, source.path(), 0, -1)
            .orElseThrow(
                () ->
                    new ExternalSourceException(
                        "'" + source.path() + "' vanished from " + storage.sourceUri()));
    try (bytes) {
      return store.write(target, bytes, source.size());
    } catch (StorageException e) {
      // A short or long body fails the write; the source, not our store, is at fault then.
      throw e.getCause() instanceof IOException io
          ? new ExternalSourceException(
              "copying '" + source.path() + "' from " + storage.sourceUri() + " failed", io)
          : e;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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

  private static FilesetFile readThrough(FilePath path, ExternalFile file) {
    return new FilesetFile(path, file.size(), file.etag(), CacheStatus.NOT_CACHEABLE);
  }

  private FilesetFile copyable(
      FilesetRef ref, ExternalFile file, FilesetFile copied, Set<FilePath> running) {
    if (copied != null) {
      return new FilesetFile(file.path(), copied.size(), copied.etag(), CacheStatus.CACHED);
    }
    boolean isCopying = storable(ref, file.path()).map(running::contains).orElse(false);
    return new FilesetFile(
        file.path(),
        file.size(),
        file.etag(),
        isCopying ? CacheStatus.CACHING : CacheStatus.NOT_CACHED);
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
