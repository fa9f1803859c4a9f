package org.modelregistry.ports.in.workspace;

import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.workspace.Fileset;
import org.modelregistry.domain.workspace.FilesetPatch;
import org.modelregistry.domain.workspace.FilesetRef;

/** Changes a fileset's description, project, purpose, metadata or custom fields. */
public interface PatchFilesetUseCase {

  /**
   * Applies {@code patch} to the fileset {@code ref} names; absent fields keep their value.
   *
   * @throws org.modelregistry.domain.error.NotFoundException when there is none
   * @throws org.modelregistry.domain.error.ValidationException when the result breaks a rule
   */
  Fileset patch(Caller caller, FilesetRef ref, FilesetPatch patch);
}
