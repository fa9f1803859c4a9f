package org.modelregistry.ports.out;

import java.util.Optional;
import org.modelregistry.domain.workspace.EntityName;
import org.modelregistry.domain.workspace.Fileset;
import org.modelregistry.domain.workspace.WorkspaceName;
import org.modelregistry.ports.in.workspace.FilesetQuery;
import org.modelregistry.ports.paging.Page;

/**
 * Stores filesets (their description and storage, not their files), unique by (workspace, name).
 * The name never changes after creation. Implementations are safe for concurrent use.
 */
public interface FilesetRepository {

  /**
   * Stores a new fileset.
   *
   * @throws org.modelregistry.domain.error.ConflictException when its workspace already has one of
   *     that name
   */
  void insert(Fileset fileset);

  /** Replaces the stored state of an existing fileset; false when there is none. */
  boolean update(Fileset fileset);

  Optional<Fileset> find(WorkspaceName workspace, EntityName name);

  /** One page of the matching filesets in the query's order (ties by name); no cursor. */
  Page<Fileset> list(FilesetQuery query);

  /** Deletes the fileset; false when there was none. */
  boolean delete(WorkspaceName workspace, EntityName name);
}
