package org.modelregistry.ports.in.workspace;

import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.workspace.Fileset;

/** Creates a fileset in a workspace; its files are uploaded or imported separately. */
public interface CreateFilesetUseCase {

  /**
   * Stores the new fileset.
   *
   * @throws org.modelregistry.domain.error.ForbiddenException when the caller is not a member of
   *     the workspace
   * @throws org.modelregistry.domain.error.ConflictException when the workspace already has a
   *     fileset of that name
   * @throws org.modelregistry.domain.error.ValidationException when a field breaks a rule
   */
  Fileset create(Caller caller, NewFileset fileset);
}
