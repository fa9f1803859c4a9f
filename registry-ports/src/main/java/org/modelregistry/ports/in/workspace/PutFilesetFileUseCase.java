package org.modelregistry.ports.in.workspace;

import java.io.InputStream;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.workspace.FilesetRef;

/** Uploads one file into a fileset kept in the registry's own store. */
public interface PutFilesetFileUseCase {

  /**
   * Streams {@code content} into the fileset at {@code path}, replacing what was there; the content
   * is never held in memory whole. The stream is read to its end but not closed.
   *
   * @param expectedSize the content's length when known (a Content-Length), else -1
   * @throws org.modelregistry.domain.error.NotFoundException when there is no such fileset (also
   *     when it is deleted while the upload runs; nothing is left stored then)
   * @throws org.modelregistry.domain.error.ConflictException when the fileset's files live at an
   *     external source (S3, Hugging Face), which the registry does not write to
   * @throws org.modelregistry.domain.error.ValidationException when the path is too long once
   *     placed in the store ({@code path})
   * @throws org.modelregistry.ports.out.StorageException when the bytes cannot be stored, or the
   *     stream ends at another length than {@code expectedSize}
   */
  FilesetFile put(
      Caller caller, FilesetRef fileset, FilePath path, InputStream content, long expectedSize);
}
