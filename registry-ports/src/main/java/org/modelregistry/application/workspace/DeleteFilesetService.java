package org.modelregistry.application.workspace;

import java.util.Objects;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.workspace.Fileset;
import org.modelregistry.domain.workspace.FilesetRef;
import org.modelregistry.ports.in.workspace.DeleteFilesetUseCase;
import org.modelregistry.ports.out.ArtifactStore;
import org.modelregistry.ports.out.FilesetRepository;
import org.modelregistry.ports.out.ModelEntityRepository;
import org.modelregistry.ports.out.TransactionRunner;

/**
 * Deletes filesets no model entity or adapter uses: the use check and the row's deletion share a
 * transaction; the stored files are swept after it commits, so no reader finds the fileset while
 * its files disappear.
 */
public final class DeleteFilesetService implements DeleteFilesetUseCase {

  private final FilesetRepository filesets;
  private final ModelEntityRepository models;
  private final ArtifactStore store;
  private final TransactionRunner transactions;

  public DeleteFilesetService(
      FilesetRepository filesets,
      ModelEntityRepository models,
      ArtifactStore store,
      TransactionRunner transactions) {
    this.filesets = Objects.requireNonNull(filesets);
    this.models = Objects.requireNonNull(models);
    this.store = Objects.requireNonNull(store);
    this.transactions = Objects.requireNonNull(transactions);
  }

  @Override
  public Fileset delete(Caller caller, FilesetRef ref) {
    Fileset deleted =
        transactions.inTransaction(
            () -> {
              Fileset existing = WorkspaceLookups.requireFileset(filesets, caller, ref);
              if (models.usesFileset(ref)) {
                throw new ConflictException(
                    "fileset '"
                        + ref
                        + "' is used by a model or adapter; delete or change those first");
              }
              if (!filesets.delete(ref.workspace(), ref.name())) {
                throw WorkspaceLookups.filesetNotFound(ref);
              }
              return existing;
            });
    store.deleteAll(FilesetStorageLayout.folder(ref));
    return deleted;
  }
}
