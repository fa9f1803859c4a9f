package org.modelregistry.domain.identity;

import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.modelregistry.domain.error.ForbiddenException;

/**
 * Who calls a use case, as the rules of access see it: an authenticated identity with its
 * memberships, a trusted local caller (the registry run without API keys, by the one person on the
 * machine), or an anonymous reader of public models. Every use case takes one, so that what a
 * caller may see and change is decided in one place for every API.
 *
 * <p>The rules: an administrator sees and changes everything. Templates and models belong to an
 * account: members see and change them, and their creator keeps seeing them. Workspace resources
 * belong to a workspace: members see and change them. A registered version belongs to the identity
 * that registered it: it sees and changes it, everyone sees it once it is public. A trusted local
 * caller belongs to every account and workspace; an anonymous caller to none, and cannot create.
 *
 * @param actor who it acts as, which becomes the creator or owner of what it makes; empty when
 *     anonymous
 * @param accounts the accounts it belongs to
 * @param workspaces the workspaces it belongs to
 * @param memberOfAll whether it belongs to every account and workspace (a trusted local caller)
 * @param admin whether it may see and change everything
 */
public record Caller(
    Optional<Actor> actor,
    Set<String> accounts,
    Set<String> workspaces,
    boolean memberOfAll,
    boolean admin) {

  public Caller {
    Objects.requireNonNull(actor, "actor");
    accounts = Collections.unmodifiableSortedSet(new TreeSet<>(accounts));
    workspaces = Collections.unmodifiableSortedSet(new TreeSet<>(workspaces));
    if (actor.isEmpty() && (memberOfAll || admin || !accounts.isEmpty() || !workspaces.isEmpty())) {
      throw new IllegalArgumentException("an anonymous caller belongs to nothing");
    }
  }

  /** The caller an authenticated identity is. */
  public static Caller of(Identity identity) {
    return new Caller(
        Optional.of(identity.actor()),
        identity.accounts(),
        identity.workspaces(),
        false,
        identity.admin());
  }

  /**
   * A caller trusted with every account and workspace, as the registry's one local user is when it
   * runs without API keys; an administrator only when {@code admin} (which also lifts the
   * trust_remote_code restriction and shows every private registered version).
   */
  public static Caller trusted(Actor actor, boolean admin) {
    return new Caller(Optional.of(actor), Set.of(), Set.of(), true, admin);
  }

  /** A caller without credentials: it sees public registered versions and nothing else. */
  public static Caller anonymous() {
    return new Caller(Optional.empty(), Set.of(), Set.of(), false, false);
  }

  public boolean isAnonymous() {
    return actor.isEmpty();
  }

  /**
   * Who it acts as, for operations that record a creator or owner.
   *
   * @throws ForbiddenException when it is anonymous
   */
  public Actor requireActor() {
    return actor.orElseThrow(
        () -> new ForbiddenException("anonymous callers may only read public models"));
  }

  /** Whether it acts as the identity {@code userId}. */
  public boolean is(String userId) {
    return actor.map(a -> a.userId().equals(userId)).orElse(false);
  }

  /** Whether it may act in {@code account}: create there, change what is there. */
  public boolean belongsToAccount(String account) {
    return admin || memberOfAll || accounts.contains(account);
  }

  /** Whether it may see and change what is in {@code workspace}. */
  public boolean belongsToWorkspace(String workspace) {
    return admin || memberOfAll || workspaces.contains(workspace);
  }

  /**
   * The account-scoped resources it sees; empty when it sees every account's (an administrator or a
   * trusted local caller).
   */
  public Optional<AccountScope> accountScope() {
    if (admin || memberOfAll) {
      return Optional.empty();
    }
    return Optional.of(new AccountScope(accounts, actor.map(Actor::userId)));
  }

  /**
   * Whether it sees an account-scoped resource of {@code accountId} created by {@code createdBy}.
   */
  public boolean sees(String accountId, Actor createdBy) {
    return accountScope().map(scope -> scope.includes(accountId, createdBy)).orElse(true);
  }

  /**
   * Checks that it may act in {@code account}.
   *
   * @throws ForbiddenException when it may not
   */
  public void requireAccount(String account) {
    requireActor();
    if (!belongsToAccount(account)) {
      throw new ForbiddenException("you are not a member of account '" + account + "'");
    }
  }

  /**
   * Checks that it may act in {@code workspace}.
   *
   * @throws ForbiddenException when it may not
   */
  public void requireWorkspace(String workspace) {
    requireActor();
    if (!belongsToWorkspace(workspace)) {
      throw new ForbiddenException("you are not a member of workspace '" + workspace + "'");
    }
  }
}
