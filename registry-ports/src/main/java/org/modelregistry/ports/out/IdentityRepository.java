package org.modelregistry.ports.out;

import java.util.List;
import java.util.Optional;
import org.modelregistry.domain.identity.Identity;

/**
 * Stores the identities that may call the registry with their memberships, unique by id
 * (case-sensitive). Safe for concurrent use.
 */
public interface IdentityRepository {

  /**
   * Stores a new identity.
   *
   * @throws org.modelregistry.domain.error.ConflictException when one with its id exists (of two
   *     racing inserts exactly one succeeds)
   */
  void insert(Identity identity);

  /** The identity with exactly this id; empty when there is none. */
  Optional<Identity> find(String id);

  /**
   * Replaces the stored identity of the same id, memberships included; false when there is none.
   */
  boolean update(Identity identity);

  /** Every identity, by id. */
  List<Identity> list();

  /** Whether no identity exists yet (a new installation, to be bootstrapped). */
  boolean isEmpty();
}
