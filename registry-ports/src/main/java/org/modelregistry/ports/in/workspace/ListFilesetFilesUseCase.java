package org.modelregistry.ports.in.workspace;

import java.util.List;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.workspace.FilesetRef;

/** Lists the files stored for a fileset. */
public interface ListFilesetFilesUseCase {

  /**
   * Every file stored for the fileset, in path order.
   *
   * @throws org.modelregistry.domain.error.NotFoundException when there is no such fileset the
   *     caller may see
   */
  List<FilesetFile> list(Caller caller, FilesetRef fileset);
}
