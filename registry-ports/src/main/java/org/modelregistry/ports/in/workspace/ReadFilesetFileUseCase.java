package org.modelregistry.ports.in.workspace;

import java.io.InputStream;
import java.util.Objects;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.workspace.FilesetRef;

/** Streams the stored bytes of one file of a fileset. */
public interface ReadFilesetFileUseCase {

  /**
   * Opens {@code length} bytes of the file from {@code offset} ({@code length} -1: to the end). The
   * caller closes the returned content.
   *
   * @throws org.modelregistry.domain.error.NotFoundException when there is no such fileset the
   *     caller may see, or no such file
   * @throws IllegalArgumentException when {@code offset} is negative
   * @throws org.modelregistry.domain.error.ConflictException when {@code offset} is beyond the
   *     file's end (it changed since the caller described it)
   */
  FileContent open(Caller caller, FilesetRef fileset, FilePath path, long offset, long length);

  /**
   * The file's size and tag without its bytes, for HEAD answers and range checks. Same errors as
   * {@link #open}.
   */
  FilesetFile describe(Caller caller, FilesetRef fileset, FilePath path);

  /** An open slice of a stored file with the whole file's facts. */
  record FileContent(FilesetFile file, InputStream bytes) implements AutoCloseable {

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
