package org.modelregistry.application.workspace;

import java.time.Clock;
import java.util.Objects;
import org.modelregistry.application.Timestamps;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.error.Violations;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.workspace.Fileset;
import org.modelregistry.domain.workspace.FilesetStorage;
import org.modelregistry.ports.in.workspace.CreateFilesetUseCase;
import org.modelregistry.ports.in.workspace.NewFileset;
import org.modelregistry.ports.out.ExternalFileSource;
import org.modelregistry.ports.out.FilesetRepository;

/**
 * Creates filesets; the repository refuses a duplicate name even when two creations race. An
 * external storage is checked and pinned first (see {@link ExternalFileSource#pin}), so a fileset
 * never points at a source that is not there.
 */
public final class CreateFilesetService implements CreateFilesetUseCase {

  private final FilesetRepository filesets;
  private final ExternalFileSource external;
  private final Clock clock;

  public CreateFilesetService(
      FilesetRepository filesets, ExternalFileSource external, Clock clock) {
    this.filesets = Objects.requireNonNull(filesets);
    this.external = Objects.requireNonNull(external);
    this.clock = Objects.requireNonNull(clock);
  }

  @Override
  public Fileset create(Caller caller, NewFileset fileset) {
    caller.requireWorkspace(fileset.workspace().value());
    requireNew(fileset);
    Violations violations = Violations.collect();
    FilesetStorage storage =
        violations.at("storage").attempt(() -> FilesetContents.pin(external, fileset.storage()));
    violations.throwIfAny();
    Fileset created =
        Fileset.create(
            fileset.workspace(),
            fileset.name(),
            fileset.description(),
            fileset.project(),
            fileset.purpose(),
            fileset.metadata(),
            fileset.customFields(),
            storage,
            Timestamps.now(clock));
    filesets.insert(created);
    return created;
  }

  // Checked before the source is asked, so a duplicate costs no remote call.
  private void requireNew(NewFileset fileset) {
    if (filesets.find(fileset.workspace(), fileset.name()).isPresent()) {
      throw new ConflictException(
          "workspace '"
              + fileset.workspace()
              + "' already has a fileset named '"
              + fileset.name()
              + "'");
    }
  }
}
