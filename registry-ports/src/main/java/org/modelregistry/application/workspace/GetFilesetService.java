package org.modelregistry.application.workspace;

import java.util.Objects;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.workspace.Fileset;
import org.modelregistry.domain.workspace.FilesetRef;
import org.modelregistry.ports.in.workspace.GetFilesetUseCase;
import org.modelregistry.ports.out.FilesetRepository;

/** Reads filesets. */
public final class GetFilesetService implements GetFilesetUseCase {

  private final FilesetRepository filesets;

  public GetFilesetService(FilesetRepository filesets) {
    this.filesets = Objects.requireNonNull(filesets);
  }

  @Override
  public Fileset get(Caller caller, FilesetRef ref) {
    return WorkspaceLookups.requireFileset(filesets, caller, ref);
  }
}
