package org.modelregistry.application.workspace;

import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.modelregistry.domain.error.Violations;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.workspace.CredentialEndpoints;
import org.modelregistry.domain.workspace.FilesetStorage;
import org.modelregistry.ports.out.ExternalFile;
import org.modelregistry.ports.out.ExternalFileSource;
import org.modelregistry.ports.out.ExternalSourceException;

/**
 * An external source that refuses, before any connection, every storage whose secrets would go to
 * an endpoint {@link CredentialEndpoints} does not approve: a 422 at the endpoint when a fileset is
 * created, a failed read when the operator withdrew an approval later.
 */
public final class CredentialGuardedSource implements ExternalFileSource {

  private final CredentialEndpoints endpoints;
  private final ExternalFileSource source;

  public CredentialGuardedSource(CredentialEndpoints endpoints, ExternalFileSource source) {
    this.endpoints = Objects.requireNonNull(endpoints);
    this.source = Objects.requireNonNull(source);
  }

  @Override
  public FilesetStorage pin(FilesetStorage storage) {
    var violations = Violations.collect();
    endpoints.check(storage, violations);
    violations.throwIfAny();
    return source.pin(storage);
  }

  @Override
  public List<ExternalFile> list(FilesetStorage storage) {
    return source.list(approved(storage));
  }

  @Override
  public Optional<ExternalFile> stat(FilesetStorage storage, FilePath path) {
    return source.stat(approved(storage), path);
  }

  @Override
  public Optional<InputStream> read(
      FilesetStorage storage, FilePath path, long offset, long length) {
    return source.read(approved(storage), path, offset, length);
  }

  private FilesetStorage approved(FilesetStorage storage) {
    if (!endpoints.allows(storage)) {
      throw new ExternalSourceException(
          "the secrets of "
              + storage.sourceUri()
              + " may no longer be sent to its endpoint: the operator does not approve it"
              + " (--credential-endpoints)");
    }
    return storage;
  }
}
