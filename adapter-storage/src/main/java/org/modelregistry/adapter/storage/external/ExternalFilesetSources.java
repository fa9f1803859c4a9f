package org.modelregistry.adapter.storage.external;

import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.modelregistry.adapter.storage.fetch.FetchSettings;
import org.modelregistry.adapter.storage.fetch.GuardedClients;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.workspace.FilesetStorage;
import org.modelregistry.ports.out.ExternalFile;
import org.modelregistry.ports.out.ExternalFileSource;
import org.modelregistry.ports.out.SecretStore;
import org.modelregistry.ports.out.SourceFetcher;

/**
 * The {@link ExternalFileSource} of the registry: S3 buckets are read with the MinIO client (see
 * {@link S3FilesetSource}), Hugging Face repositories through the {@link SourceFetcher} (see {@link
 * HuggingFaceFilesetSource}). Both connect only where the fetch settings allow. Thread-safe; share
 * one, and close it on shutdown.
 */
public final class ExternalFilesetSources implements ExternalFileSource, AutoCloseable {

  private final S3FilesetSource s3;
  private final HuggingFaceFilesetSource huggingFace;

  /**
   * @param fetcher the guarded fetcher that Hugging Face requests go through (the application's
   *     {@link org.modelregistry.adapter.storage.fetch.HttpSourceFetcher})
   * @param settings the settings {@code fetcher} was made with: S3 endpoints are reached under the
   *     same allowlist and timeouts
   * @param secrets resolves the secrets storages name
   */
  public ExternalFilesetSources(
      SourceFetcher fetcher, FetchSettings settings, SecretStore secrets) {
    Objects.requireNonNull(fetcher, "fetcher");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(secrets, "secrets");
    this.s3 = new S3FilesetSource(new GuardedClients(settings), secrets);
    this.huggingFace =
        new HuggingFaceFilesetSource(fetcher, secrets, HuggingFaceFilesetSource.Limits.DEFAULT);
  }

  @Override
  public FilesetStorage pin(FilesetStorage storage) {
    return switch (Objects.requireNonNull(storage, "storage")) {
      case FilesetStorage.S3 bucket -> s3.pin(bucket);
      case FilesetStorage.HuggingFace repository -> huggingFace.pin(repository);
      case FilesetStorage.Local local -> throw local();
    };
  }

  @Override
  public List<ExternalFile> list(FilesetStorage storage) {
    return switch (Objects.requireNonNull(storage, "storage")) {
      case FilesetStorage.S3 bucket -> s3.list(bucket);
      case FilesetStorage.HuggingFace repository -> huggingFace.list(repository);
      case FilesetStorage.Local local -> throw local();
    };
  }

  @Override
  public Optional<ExternalFile> stat(FilesetStorage storage, FilePath path) {
    Objects.requireNonNull(path, "path");
    return switch (Objects.requireNonNull(storage, "storage")) {
      case FilesetStorage.S3 bucket -> s3.stat(bucket, path);
      case FilesetStorage.HuggingFace repository -> huggingFace.stat(repository, path);
      case FilesetStorage.Local local -> throw local();
    };
  }

  @Override
  public Optional<InputStream> read(
      FilesetStorage storage, FilePath path, long offset, long length) {
    Objects.requireNonNull(path, "path");
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative: " + offset);
    }
    if (length < -1) {
      throw new IllegalArgumentException("length must be -1 (to the end) or at least 0");
    }
    return switch (Objects.requireNonNull(storage, "storage")) {
      case FilesetStorage.S3 bucket -> s3.read(bucket, path, offset, length);
      case FilesetStorage.HuggingFace repository ->
          huggingFace.read(repository, path, offset, length);
      case FilesetStorage.Local local -> throw local();
    };
  }

  /** Releases the S3 clients' connections and threads. */
  @Override
  public void close() {
    s3.close();
  }

  private static IllegalArgumentException local() {
    return new IllegalArgumentException(
        "the registry's own store is no external source; read it through the artifact store");
  }
}
