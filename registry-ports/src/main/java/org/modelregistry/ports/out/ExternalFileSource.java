package org.modelregistry.ports.out;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.workspace.FilesetStorage;

/**
 * Reads the files of filesets kept outside the registry: S3 buckets and Hugging Face repositories
 * ({@link FilesetStorage.S3}, {@link FilesetStorage.HuggingFace}). Implementations never write to a
 * source, guard every connection against server-side request forgery as {@link SourceFetcher} does
 * (the endpoints come from users), resolve the {@link
 * org.modelregistry.domain.workspace.SecretRef}s a storage names through {@link SecretStore}, and
 * bound what they read of a source's listings. Thread-safe.
 *
 * <p>Every method throws {@link IllegalArgumentException} for {@link FilesetStorage.Local}, and
 * {@link ExternalSourceException} when the source cannot answer.
 */
public interface ExternalFileSource {

  /**
   * Checks that {@code storage} can be read and pins what may move: a Hugging Face revision that
   * names a branch or tag becomes the commit it points at now, so the fileset's files never change
   * under it.
   *
   * @return the storage to record
   * @throws org.modelregistry.domain.error.ValidationException with paths inside the storage object
   *     ({@code repo_id}, {@code revision}, {@code bucket}, {@code ..._secret}) when the source
   *     says there is no such repository, revision or bucket, or a named secret does not exist
   */
  FilesetStorage pin(FilesetStorage storage);

  /** Every file of the source, in path order. */
  List<ExternalFile> list(FilesetStorage storage);

  /** The file at {@code path}, or empty when the source has none there. */
  Optional<ExternalFile> stat(FilesetStorage storage, FilePath path);

  /**
   * Opens {@code length} bytes of the file at {@code path} from {@code offset} (-1: to the end).
   * The caller closes the stream; reading it may throw {@link ExternalSourceException}.
   *
   * @return empty when the source has no file there
   * @throws IllegalArgumentException when {@code offset} is negative
   */
  Optional<InputStream> read(FilesetStorage storage, FilePath path, long offset, long length);
}
