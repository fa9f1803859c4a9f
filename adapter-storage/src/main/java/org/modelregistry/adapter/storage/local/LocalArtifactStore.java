package org.modelregistry.adapter.storage.local;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;
import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;
import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.modelregistry.domain.error.ValidationException;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.ports.out.ArtifactStore;
import org.modelregistry.ports.out.DependencyCheck;
import org.modelregistry.ports.out.StorageException;
import org.modelregistry.ports.out.StoredArtifact;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link ArtifactStore} in a folder of the local filesystem.
 *
 * <p>Layout below the root: {@code files/<path>} holds stored files, {@code incoming/} holds writes
 * in progress. The two areas are disjoint, so no {@link FilePath} can reach a temporary file (not
 * even {@code .tmp/...} or {@code incoming/...}, which land below {@code files/}).
 *
 * <p>Each stored file starts with a {@value #HEADER_SIZE}-byte header (an 8-byte magic and the raw
 * SHA-256 of the content) followed by the content. Keeping the digest inside the file means one
 * atomic rename publishes content and digest together: {@link #stat} costs one small read, works on
 * every filesystem (no extended attributes needed) and can never pair a digest with another
 * version's bytes, as a separate sidecar file could between two renames.
 *
 * <p>Writes stream into {@code incoming/}, are fsynced and then renamed into place atomically, so a
 * reader sees the old or the new file, never a partial one; readers keep the version they opened.
 * Memory use is one fixed buffer per operation. Symbolic links below the root are never followed: a
 * path that crosses one is refused.
 */
public final class LocalArtifactStore implements ArtifactStore {

  static final String FILES = "files";
  static final String INCOMING = "incoming";
  static final int HEADER_SIZE = 40;

  private static final Logger log = LoggerFactory.getLogger(LocalArtifactStore.class);
  private static final byte[] MAGIC = "MRSTORE1".getBytes(StandardCharsets.US_ASCII);
  private static final int BUFFER_SIZE = 64 * 1024;
  private static final String PART_SUFFIX = ".part";
  // A concurrent delete may prune a just-created parent folder; moving again is then enough.
  private static final int MOVE_ATTEMPTS = 5;
  // Temporary files this old belong to writes that died with their process.
  private static final Duration STALE_UPLOAD = Duration.ofHours(24);

  private final Path files;
  private final Path incoming;

  /**
   * Opens (creating when missing) the store rooted at {@code root}, and removes temporary files
   * that crashed writes left behind more than a day ago.
   *
   * @throws StorageException when the folders cannot be created or are not plain folders
   */
  public LocalArtifactStore(Path root) {
    Objects.requireNonNull(root, "root");
    try {
      Files.createDirectories(root);
      // The real path, so that the containment checks compare like with like even when the root
      // is reached through a symbolic link chosen by the operator.
      Path realRoot = root.toRealPath();
      this.files = Files.createDirectories(realRoot.resolve(FILES));
      this.incoming = Files.createDirectories(realRoot.resolve(INCOMING));
      for (Path area : List.of(files, incoming)) {
        if (!Files.isDirectory(area, NOFOLLOW_LINKS)) {
          throw new StorageException(area + " must be a folder, not a link or a file");
        }
      }
    } catch (IOException e) {
      throw new StorageException("cannot open the artifact store at " + root, e);
    }
    removeStaleUploads();
  }

  /**
   * Checks that the store's folders are still there and writable (for readiness probes): a disk
   * unmounted or turned read-only under a running node shows here, not at the next upload.
   */
  public DependencyCheck readinessCheck() {
    return DependencyCheck.of(
        "artifact_store",
        () -> {
          for (Path area : List.of(files, incoming)) {
            if (!Files.isDirectory(area, NOFOLLOW_LINKS) || !Files.isWritable(area)) {
              throw new StorageException(area + " is not a writable folder");
            }
          }
        });
  }

  @Override
  public StoredArtifact write(FilePath path, InputStream content, long expectedSize) {
    Objects.requireNonNull(content, "content");
    if (expectedSize < -1) {
      throw new IllegalArgumentException("expectedSize must be -1 (unknown) or at least 0");
    }
    Path target = locate(path);
    Path temp = incoming.resolve(UUID.randomUUID() + PART_SUFFIX);
    try {
      StoredArtifact stored;
      try (FileChannel out = FileChannel.open(temp, CREATE_NEW, WRITE)) {
        stored = copy(path, content, expectedSize, out);
        // Durable before visible: after a crash a stored file is complete or absent.
        out.force(true);
      }
      moveIntoPlace(temp, target);
      return stored;
    } catch (IOException e) {
      throw new StorageException("cannot store " + path, e);
    } finally {
      deleteQuietly(temp);
    }
  }

  @Override
  public Optional<InputStream> read(FilePath path, long offset, long length) {
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative: " + offset);
    }
    if (length < -1) {
      throw new IllegalArgumentException("length must be -1 (to the end) or at least 0");
    }
    Optional<FileChannel> opened = open(path, locate(path));
    if (opened.isEmpty()) {
      return Optional.empty();
    }
    FileChannel channel = opened.get();
    try {
      long size = contentSize(channel, path);
      if (offset > size) {
        throw new IllegalArgumentException(
            "offset " + offset + " is beyond the end of " + path + " (" + size + " bytes)");
      }
      long available = size - offset;
      long count = length < 0 ? available : Math.min(length, available);
      channel.position(HEADER_SIZE + offset);
      return Optional.of(new ChannelRangeStream(channel, count));
    } catch (IOException e) {
      closeQuietly(channel);
      throw new StorageException("cannot read " + path, e);
    } catch (RuntimeException e) {
      closeQuietly(channel);
      throw e;
    }
  }

  @Override
  public Optional<StoredArtifact> stat(FilePath path) {
    return describe(path, locate(path));
  }

  @Override
  public boolean delete(FilePath path) {
    Path target = locate(path);
    if (!Files.isRegularFile(target, NOFOLLOW_LINKS)) {
      return false;
    }
    try {
      boolean deleted = Files.deleteIfExists(target);
      pruneEmptyFolders(target.getParent());
      return deleted;
    } catch (IOException e) {
      throw new StorageException("cannot delete " + path, e);
    }
  }

  @Override
  public List<StoredArtifact> list(FilePath prefix) {
    Path folder = locate(prefix);
    if (!Files.isDirectory(folder, NOFOLLOW_LINKS)) {
      return List.of();
    }
    var found = new ArrayList<StoredArtifact>();
    try {
      Files.walkFileTree(
          folder,
          new SkippingVanishedVisitor() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
              // Links and other foreign entries are not files of this store: never followed.
              if (attributes.isRegularFile()) {
                toFilePath(file).flatMap(p -> describe(p, file)).ifPresent(found::add);
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new StorageException("cannot list " + prefix, e);
    }
    found.sort(Comparator.comparing(artifact -> artifact.path().value()));
    return List.copyOf(found);
  }

  @Override
  public int deleteAll(FilePath prefix) {
    Path folder = locate(prefix);
    if (!Files.isDirectory(folder, NOFOLLOW_LINKS)) {
      return 0;
    }
    int[] deleted = {0};
    try {
      Files.walkFileTree(
          folder,
          new SkippingVanishedVisitor() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                throws IOException {
              if (attributes.isRegularFile() && Files.deleteIfExists(file)) {
                deleted[0]++;
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure)
                throws IOException {
              super.postVisitDirectory(dir, failure);
              deleteIfEmpty(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new StorageException("cannot delete below " + prefix, e);
    }
    pruneEmptyFolders(folder.getParent());
    return deleted[0];
  }

  // ---- paths -------------------------------------------------------------------------------

  /**
   * Where {@code path} lives, re-checked here rather than trusting {@link FilePath} alone: the
   * result stays strictly below {@code files/} and no existing element on the way is a symbolic
   * link (one planted inside the root could otherwise lead anywhere).
   */
  private Path locate(FilePath path) {
    Objects.requireNonNull(path, "path");
    Path target = within(files, path.value());
    Path current = files;
    for (Path segment : files.relativize(target)) {
      current = current.resolve(segment);
      if (Files.isSymbolicLink(current)) {
        throw new StorageException(
            "refused " + path + ": " + files.relativize(current) + " is a symbolic link");
      }
    }
    return target;
  }

  /**
   * {@code relative} resolved below {@code base}, refused unless the normalized result stays
   * strictly inside {@code base} (no absolute paths, no climbing out with {@code ..}).
   */
  static Path within(Path base, String relative) {
    Path target;
    try {
      target = base.resolve(relative).normalize();
    } catch (InvalidPathException e) {
      throw new StorageException("refused a path this filesystem cannot represent", e);
    }
    if (!target.startsWith(base) || target.equals(base)) {
      throw new StorageException("refused a path that leaves the store: " + relative);
    }
    return target;
  }

  /** The {@link FilePath} of a file found below {@code files/}, when it is a valid one. */
  private Optional<FilePath> toFilePath(Path file) {
    var segments = new ArrayList<String>();
    files.relativize(file).forEach(segment -> segments.add(segment.toString()));
    try {
      return Optional.of(new FilePath(String.join("/", segments)));
    } catch (ValidationException e) {
      // Not written through this store (no FilePath can name it), so not one of its files.
      log.warn("ignoring {}: not a valid file path", file);
      return Optional.empty();
    }
  }

  // ---- reading -----------------------------------------------------------------------------

  /** The stored file at {@code target}, opened for reading, or empty when there is none. */
  private static Optional<FileChannel> open(FilePath path, Path target) {
    if (!Files.isRegularFile(target, NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    try {
      return Optional.of(FileChannel.open(target, READ, NOFOLLOW_LINKS));
    } catch (NoSuchFileException e) {
      return Optional.empty(); // deleted since the check
    } catch (IOException e) {
      throw new StorageException("cannot open " + path, e);
    }
  }

  private Optional<StoredArtifact> describe(FilePath path, Path target) {
    Optional<FileChannel> opened = open(path, target);
    if (opened.isEmpty()) {
      return Optional.empty();
    }
    // Header and size come from the same open file, so they describe one version.
    try (FileChannel channel = opened.get()) {
      byte[] digest = new byte[HEADER_SIZE - MAGIC.length];
      readHeader(channel, path).position(MAGIC.length).get(digest);
      long size = channel.size() - HEADER_SIZE;
      return Optional.of(new StoredArtifact(path, size, HexFormat.of().formatHex(digest)));
    } catch (IOException e) {
      throw new StorageException("cannot read " + path, e);
    }
  }

  private static long contentSize(FileChannel channel, FilePath path) throws IOException {
    readHeader(channel, path);
    return channel.size() - HEADER_SIZE;
  }

  private static ByteBuffer readHeader(FileChannel channel, FilePath path) throws IOException {
    ByteBuffer header = ByteBuffer.allocate(HEADER_SIZE);
    while (header.hasRemaining()) {
      if (channel.read(header, header.position()) < 0) {
        break;
      }
    }
    byte[] magic = Arrays.copyOf(header.array(), MAGIC.length);
    if (header.hasRemaining() || !Arrays.equals(magic, MAGIC)) {
      throw new StorageException(path + " was not written by this store (no valid header)");
    }
    return header.flip();
  }

  // ---- writing -----------------------------------------------------------------------------

  /** Streams {@code content} into {@code out} after a header, then fills the header in. */
  private static StoredArtifact copy(
      FilePath path, InputStream content, long expectedSize, FileChannel out) throws IOException {
    MessageDigest sha256 = sha256();
    byte[] buffer = new byte[BUFFER_SIZE];
    long size = 0;
    out.position(HEADER_SIZE);
    for (int n; (n = readContent(content, buffer, path)) >= 0; ) {
      size += n;
      if (expectedSize >= 0 && size > expectedSize) {
        throw new StorageException(
            "the content for " + path + " is longer than the expected " + expectedSize + " bytes");
      }
      sha256.update(buffer, 0, n);
      ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
      while (chunk.hasRemaining()) {
        out.write(chunk);
      }
    }
    if (expectedSize >= 0 && size != expectedSize) {
      throw new StorageException(
          "the content for " + path + " ended after " + size + " of " + expectedSize + " bytes");
    }
    byte[] digest = sha256.digest();
    ByteBuffer header = ByteBuffer.allocate(HEADER_SIZE).put(MAGIC).put(digest).flip();
    while (header.hasRemaining()) {
      out.write(header, header.position());
    }
    return new StoredArtifact(path, size, HexFormat.of().formatHex(digest));
  }

  /** Reads the caller's stream, telling its failures apart from the store's own. */
  private static int readContent(InputStream content, byte[] buffer, FilePath path) {
    try {
      return content.read(buffer);
    } catch (IOException e) {
      throw new StorageException("cannot read the content for " + path, e);
    }
  }

  private void moveIntoPlace(Path temp, Path target) throws IOException {
    for (int attempt = 1; ; attempt++) {
      try {
        Files.createDirectories(target.getParent());
        // rename(2): readers see the old or the new file, and the replaced one stays readable
        // for whoever still has it open.
        Files.move(temp, target, ATOMIC_MOVE, REPLACE_EXISTING);
        break;
      } catch (NoSuchFileException e) {
        if (attempt == MOVE_ATTEMPTS) {
          throw e;
        }
      }
    }
    syncFolder(target.getParent());
  }

  /** Makes the rename itself durable, where the platform allows syncing a folder. */
  private static void syncFolder(Path folder) {
    try (FileChannel channel = FileChannel.open(folder, READ)) {
      channel.force(true);
    } catch (IOException e) {
      log.debug("cannot sync folder {}; the rename is atomic but may not survive a crash", folder);
    }
  }

  // ---- cleanup -----------------------------------------------------------------------------

  /**
   * Removes empty folders from {@code folder} up to (not including) {@code files/}, so that a path
   * once used as a folder can later hold a file.
   */
  private void pruneEmptyFolders(Path folder) {
    for (Path dir = folder; dir != null && !dir.equals(files) && dir.startsWith(files); ) {
      if (!deleteIfEmpty(dir)) {
        return;
      }
      dir = dir.getParent();
    }
  }

  private static boolean deleteIfEmpty(Path dir) {
    try {
      return Files.deleteIfExists(dir);
    } catch (DirectoryNotEmptyException e) {
      return false;
    } catch (IOException e) {
      log.debug("cannot remove empty folder {}", dir, e);
      return false;
    }
  }

  private void removeStaleUploads() {
    Instant staleBefore = Instant.now().minus(STALE_UPLOAD);
    try (DirectoryStream<Path> uploads = Files.newDirectoryStream(incoming, "*" + PART_SUFFIX)) {
      for (Path upload : uploads) {
        if (Files.getLastModifiedTime(upload, NOFOLLOW_LINKS).toInstant().isBefore(staleBefore)) {
          deleteQuietly(upload);
        }
      }
    } catch (IOException e) {
      log.warn("cannot clean up stale uploads in {}", incoming, e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.warn("cannot delete temporary file {}", file, e);
    }
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      log.debug("cannot close a file", e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Walks on when an entry vanishes under a concurrent delete; other failures stop the walk. */
  private static class SkippingVanishedVisitor extends SimpleFileVisitor<Path> {
    @Override
    public FileVisitResult visitFileFailed(Path file, IOException failure) throws IOException {
      if (failure instanceof NoSuchFileException) {
        return FileVisitResult.CONTINUE;
      }
      throw failure;
    }

    @Override
    public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
      if (failure != null && !(failure instanceof NoSuchFileException)) {
        throw failure;
      }
      return FileVisitResult.CONTINUE;
    }
  }
}
