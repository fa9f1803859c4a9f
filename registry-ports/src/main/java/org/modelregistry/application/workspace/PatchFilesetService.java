package org.modelregistry.application.workspace;

import java.time.Clock;
import java.util.Objects;
import org.modelregistry.application.Timestamps;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.workspace.Fileset;
import org.modelregistry.domain.workspace.FilesetPatch;
import org.modelregistry.domain.workspace.FilesetRef;
import org.modelregistry.ports.in.workspace.PatchFilesetUseCase;
import org.modelregistry.ports.out.FilesetRepository;
import org.modelregistry.ports.out.TransactionRunner;

/** Patches filesets in one read-modify-write transaction. */
public final class PatchFilesetService implements PatchFilesetUseCase {

  private final FilesetRepository filesets;
  private final TransactionRunner transactions;
  private final Clock clock;

  public PatchFilesetService(
      FilesetRepository filesets, TransactionRunner transactions, Clock clock) {
    this.filesets = Objects.requireNonNull(filesets);
    this.transactions = Objects.requireNonNull(transactions);
    this.clock = Objects.requireNonNull(clock);
  }

  @Override
  public Fileset patch(Caller caller, FilesetRef ref, FilesetPatch patch) {
    return transactions.inTransaction(
        () -> {
          Fileset next =
              WorkspaceLookups.requireFileset(filesets, caller, ref)
                  .apply(patch, Timestamps.now(clock));
          if (!filesets.update(next)) {
            throw WorkspaceLookups.filesetNotFound(ref);
          }
          return next;
        });
  }
}
