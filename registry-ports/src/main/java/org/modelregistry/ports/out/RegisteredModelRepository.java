package org.modelregistry.ports.out;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.modelregistry.domain.naming.ResourceName;
import org.modelregistry.domain.registration.ImportState;
import org.modelregistry.domain.registration.RegisteredModel;
import org.modelregistry.domain.registration.VersionName;
import org.modelregistry.ports.in.registration.RegisteredModelQuery;
import org.modelregistry.ports.paging.Page;

/**
 * Stores registered model versions with their per-file import state. A version is unique by (owner,
 * name, version); its id is unique among all registrations. Implementations are safe for concurrent
 * use; read-modify-write sequences run inside a {@link TransactionRunner} transaction.
 */
public interface RegisteredModelRepository {

  /**
   * Stores a new version with its files.
   *
   * @throws org.modelregistry.domain.error.ConflictException when its owner already has this name
   *     and version (of two racing inserts exactly one succeeds)
   */
  void insert(RegisteredModel model);

  /**
   * Replaces the stored state of an existing version (same id): metadata, visibility, state and
   * every file's import state. Owner, name and version never change after registration; callers
   * pass the version with the same ones.
   *
   * @return false when there is no such version (it was deleted)
   */
  boolean update(RegisteredModel model);

  /** The version with this id, or empty. */
  Optional<RegisteredModel> findById(String id);

  /** The version {@code ownerId} registered under this name and version, or empty. */
  Optional<RegisteredModel> find(String ownerId, ResourceName name, VersionName version);

  /**
   * Every PUBLIC version with this name and version, whoever owns it, oldest first. Used to resolve
   * a version addressed without its owner.
   */
  List<RegisteredModel> findPublic(ResourceName name, VersionName version);

  /**
   * One page of the versions the query matches, newest first (creation time, then id, descending).
   */
  Page<RegisteredModel> list(RegisteredModelQuery query);

  /** Every version still IMPORTING, oldest first: the work left over when a node stopped. */
  List<RegisteredModel> findImporting();

  /**
   * How many versions are in each import state, over every owner (for metrics): every state is a
   * key, zero when none is in it.
   */
  Map<ImportState, Long> countByState();

  /** Deletes the version and its file rows; returns false when there was none. */
  boolean delete(String id);
}
