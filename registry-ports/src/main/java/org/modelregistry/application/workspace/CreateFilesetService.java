package org.modelregistry.application.workspace;

import java.time.Clock;
import java.util.Objects;
import org.modelregistry.application.Timestamps;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.workspace.Fileset;
import org.modelregistry.ports.in.workspace.CreateFilesetUseCase;
import org.modelregistry.ports.in.workspace.NewFileset;
import org.modelregistry.ports.in.workspace.WorkspaceCaller;
import org.modelregistry.ports.out.FilesetRepository;

/** Creates filesets; the repository refuses a duplicate name even when two creations race. */
public final class CreateFilesetService implements CreateFilesetUseCase {

  private final FilesetRepository filesets;
  private final Clock clock;

  public CreateFilesetService(FilesetRepository filesets, Clock clock) {
    this.filesets = Objects.requireNonNull(filesets);
    this.clock = Objects.requireNonNull(clock);
  }

  @Override
  public Fileset create(WorkspaceCaller caller, NewFileset fileset) {
    Fileset created =
        Fileset.create(
            fileset.workspace(),
            fileset.name(),
            fileset.description(),
            fileset.project(),
            fileset.purpose(),
            fileset.metadata(),
            fileset.customFields(),
            fileset.storage(),
            Timestamps.now(clock));
    if (filesets.find(created.workspace(), created.name()).isPresent()) {
      throw new ConflictException(
          "workspace '"
              + created.workspace()
              + "' already has a fileset named '"
              + created.name()
              + "'");
    }
    filesets.insert(created);
    return created;
  }
}
