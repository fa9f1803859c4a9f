package org.modelregistry.ports.out.memory;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.modelregistry.domain.error.ValidationException;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.workspace.FilesetStorage;
import org.modelregistry.ports.out.ExternalFile;
import org.modelregistry.ports.out.ExternalFileSource;

/**
 * External sources held in memory, keyed by {@link FilesetStorage#sourceUri()}. A Hugging Face
 * revision is pinned to {@link #COMMIT}; every source exists (empty until {@link #add}ed to) except
 * those declared {@link #missing} (pinning those fails at {@code repo_id} or {@code bucket}). Files
 * of Hugging Face sources publish their SHA-256, unless {@link #publishWrongDigest} says otherwise.
 * Counts whole-file reads, so tests can tell a copy from a cached read.
 */
public final class InMemoryExternalFileSource implements ExternalFileSource {

  /** The commit every Hugging Face revision resolves to. */
  public static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

  private final Map<String, Map<String, byte[]>> sources = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> wholeReads = new ConcurrentHashMap<>();
  private final Set<String> missing = ConcurrentHashMap.newKeySet();
  private final Set<String> small = ConcurrentHashMap.newKeySet();
  private volatile java.util.concurrent.CountDownLatch gate;
  private final java.util.concurrent.CountDownLatch gatedReadStarted =
      new java.util.concurrent.CountDownLatch(1);
  private volatile boolean wrongDigest;

  /** Puts a file at {@code path} of {@code storage}'s source. */
  public InMemoryExternalFileSource add(FilesetStorage storage, String path, String content) {
    return add(storage, path, content.getBytes(StandardCharsets.UTF_8));
  }

  public InMemoryExternalFileSource add(FilesetStorage storage, String path, byte[] content) {
    sources
        .computeIfAbsent(storage.sourceUri(), s -> new ConcurrentHashMap<>())
        .put(path, content.clone());
    return this;
  }

  /**
   * Puts a small file, as a hub keeps it outside LFS: it publishes only a git object id as its tag,
   * no SHA-256.
   */
  public InMemoryExternalFileSource addSmall(FilesetStorage storage, String path, String content) {
    small.add(storage.sourceUri() + "|" + path);
    return add(storage, path, content);
  }

  /**
   * From now on, whole-file reads block at their first byte until {@code gate} opens: a copy that
   * stays running. {@link #awaitGatedRead()} waits until one is blocked.
   */
  public void gateWholeReads(java.util.concurrent.CountDownLatch gate) {
    this.gate = gate;
  }

  /** Waits (at most 10 seconds) until a whole-file read is blocked at the gate. */
  public boolean awaitGatedRead() throws InterruptedException {
    return gatedReadStarted.await(10, java.util.concurrent.TimeUnit.SECONDS);
  }

  /** Makes {@code storage}'s source one that does not exist. */
  public InMemoryExternalFileSource missing(FilesetStorage storage) {
    missing.add(storage.sourceUri());
    return this;
  }

  /** From now on, Hugging Face files publish a SHA-256 their bytes do not have. */
  public void publishWrongDigest() {
    wrongDigest = true;
  }

  /** How often the whole file at {@code path} was read from its source. */
  public int wholeReadsOf(String path) {
    return wholeReads.getOrDefault(path, new AtomicInteger()).get();
  }

  @Override
  public FilesetStorage pin(FilesetStorage storage) {
    boolean exists = !missing.contains(storage.sourceUri());
    return switch (storage) {
      case FilesetStorage.Local local -> throw new IllegalArgumentException("not external");
      case FilesetStorage.S3 s3 -> {
        if (!exists) {
          throw ValidationException.of("no bucket " + s3.bucket(), "not_found", "bucket");
        }
        yield s3;
      }
      case FilesetStorage.HuggingFace hf -> {
        if (!exists) {
          throw ValidationException.of("no repository " + hf.repoId(), "not_found", "repo_id");
        }
        yield new FilesetStorage.HuggingFace(hf.repoId(), COMMIT, hf.endpoint(), hf.tokenSecret());
      }
    };
  }

  @Override
  public List<ExternalFile> list(FilesetStorage storage) {
    Map<String, byte[]> files = files(storage);
    if (files == null) {
      return List.of();
    }
    return new TreeMap<>(files)
        .entrySet().stream().map(e -> describe(storage, e.getKey(), e.getValue())).toList();
  }

  @Override
  public Optional<ExternalFile> stat(FilesetStorage storage, FilePath path) {
    Map<String, byte[]> files = files(storage);
    byte[] bytes = files == null ? null : files.get(path.value());
    return Optional.ofNullable(bytes).map(b -> describe(storage, path.value(), b));
  }

  @Override
  public Optional<InputStream> read(
      FilesetStorage storage, FilePath path, long offset, long length) {
    if (offset < 0) {
      throw new IllegalArgumentException("offset " + offset);
    }
    Map<String, byte[]> files = files(storage);
    byte[] bytes = files == null ? null : files.get(path.value());
    if (bytes == null) {
      return Optional.empty();
    }
    int from = (int) Math.min(offset, bytes.length);
    int to = length < 0 ? bytes.length : (int) Math.min(bytes.length, offset + length);
    InputStream in = new ByteArrayInputStream(bytes, from, to - from);
    if (offset == 0 && length < 0) {
      wholeReads.computeIfAbsent(path.value(), p -> new AtomicInteger()).incrementAndGet();
      var waitFor = gate;
      if (waitFor != null) {
        return Optional.of(gated(in, waitFor));
      }
    }
    return Optional.of(in);
  }

  private InputStream gated(InputStream in, java.util.concurrent.CountDownLatch waitFor) {
    return new java.io.FilterInputStream(in) {
      @Override
      public int read(byte[] b, int off, int len) throws java.io.IOException {
        gatedReadStarted.countDown();
        try {
          waitFor.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new java.io.InterruptedIOException("interrupted at the gate");
        }
        return super.read(b, off, len);
      }
    };
  }

  private Map<String, byte[]> files(FilesetStorage storage) {
    if (storage instanceof FilesetStorage.Local) {
      throw new IllegalArgumentException("the registry's own store is not an external source");
    }
    return sources.get(storage.sourceUri());
  }

  private ExternalFile describe(FilesetStorage storage, String path, byte[] bytes) {
    String sha256 = sha256(bytes);
    boolean hub =
        storage instanceof FilesetStorage.HuggingFace
            && !small.contains(storage.sourceUri() + "|" + path);
    Optional<String> published =
        hub ? Optional.of(wrongDigest ? sha256(new byte[] {1}) : sha256) : Optional.empty();
    String etag =
        hub
            ? published.get()
            : storage instanceof FilesetStorage.HuggingFace
                ? "git-" + sha256.substring(0, 40)
                : "etag-" + sha256.substring(0, 16);
    return new ExternalFile(new FilePath(path), bytes.length, etag, published);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
