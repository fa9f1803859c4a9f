package org.modelregistry.domain.registration;

import java.util.List;

/**
 * How far the import of a version's files got, summed over its files.
 *
 * @param bytesCopied bytes copied so far over all files (a stored file counts its size)
 * @param bytesExpected the total size to copy: stored sizes plus announced sizes of the rest; null
 *     while some unfinished file has not announced its size
 */
public record ImportProgress(
    int totalFiles, int storedFiles, int failedFiles, long bytesCopied, Long bytesExpected) {

  public static ImportProgress of(List<FileImport> files) {
    int stored = 0;
    int failed = 0;
    long copied = 0;
    long expected = 0;
    boolean expectedKnown = true;
    for (FileImport file : files) {
      copied += file.bytesCopied();
      if (file.isStored()) {
        stored++;
        expected += file.size();
      } else {
        failed += file.isFailed() ? 1 : 0;
        if (file.expectedBytes() == null) {
          expectedKnown = false;
        } else {
          expected += file.expectedBytes();
        }
      }
    }
    return new ImportProgress(
        files.size(), stored, failed, copied, expectedKnown ? expected : null);
  }

  /** Files neither stored nor failed. */
  public int unfinishedFiles() {
    return totalFiles - storedFiles - failedFiles;
  }
}
