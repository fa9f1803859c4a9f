package org.modelregistry.application.registration;

import java.io.InputStream;
import java.util.Objects;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.error.NotFoundException;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.registration.FileImport;
import org.modelregistry.domain.registration.RegisteredModel;
import org.modelregistry.ports.in.registration.ModelVersionRef;
import org.modelregistry.ports.in.registration.ReadModelFileUseCase;
import org.modelregistry.ports.out.ArtifactStore;
import org.modelregistry.ports.out.RegisteredModelRepository;
import org.modelregistry.ports.out.StorageException;

/** Streams stored files of READY versions. */
public final class ReadModelFileService implements ReadModelFileUseCase {

  private final RegisteredModelRepository models;
  private final ArtifactStore store;

  public ReadModelFileService(RegisteredModelRepository models, ArtifactStore store) {
    this.models = Objects.requireNonNull(models);
    this.store = Objects.requireNonNull(store);
  }

  @Override
  public FileImport describe(Caller viewer, ModelVersionRef ref, FilePath file) {
    return locate(viewer, ref, file).file;
  }

  @Override
  public FileContent open(
      Caller viewer, ModelVersionRef ref, FilePath file, long offset, long length) {
    Located located = locate(viewer, ref, file);
    if (offset < 0 || offset > located.file.size()) {
      throw new IllegalArgumentException(
          "offset " + offset + " is outside the file of " + located.file.size() + " bytes");
    }
    InputStream bytes =
        store
            .read(ModelVersions.storagePath(located.model, file), offset, length)
            .orElseThrow(
                () ->
                    new StorageException(
                        "the stored bytes of '"
                            + file
                            + "' of registration "
                            + located.model.id()
                            + " are missing"));
    return new FileContent(located.file, bytes);
  }

  private Located locate(Caller viewer, ModelVersionRef ref, FilePath file) {
    RegisteredModel model = ModelVersions.resolve(models, viewer, ref);
    FileImport found =
        model
            .file(file)
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "model '"
                            + ref.name()
                            + "' version '"
                            + ref.version()
                            + "' has no file '"
                            + file
                            + "'"));
    if (!model.isReady()) {
      throw new ConflictException(
          "model '"
              + ref.name()
              + "' version '"
              + ref.version()
              + "' is "
              + model.state()
              + ": its files can be read once it is READY");
    }
    return new Located(model, found);
  }

  private record Located(RegisteredModel model, FileImport file) {}
}
