package org.modelregistry.ports.in.registration;

import java.io.InputStream;
import java.util.Objects;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.registration.FileImport;

/** Streams the stored bytes of one file of a READY version. */
public interface ReadModelFileUseCase {

  /**
   * Opens {@code length} bytes of the file from {@code offset} ({@code length} -1: to the end). The
   * caller closes the returned content.
   *
   * @throws org.modelregistry.domain.error.NotFoundException when the version is not visible or has
   *     no such file
   * @throws org.modelregistry.domain.error.ConflictException when the version is not READY
   * @throws IllegalArgumentException when {@code offset} is beyond the file's end
   */
  FileContent open(Caller viewer, ModelVersionRef ref, FilePath file, long offset, long length);

  /**
   * The file's stored facts (size and SHA-256 from its import) without its bytes, for HEAD-like
   * answers and range checks. Same errors as {@link #open}.
   */
  FileImport describe(Caller viewer, ModelVersionRef ref, FilePath file);

  /** An open slice of a stored file with the file's stored facts. */
  record FileContent(FileImport file, InputStream bytes) implements AutoCloseable {

    public FileContent {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(bytes, "bytes");
    }

    @Override
    public void close() throws java.io.IOException {
      bytes.close();
    }
  }
}
