package org.modelregistry.ports.out.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modelregistry.domain.testdata.TestIdentities.anIdentity;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.identity.Identity;
import org.modelregistry.domain.identity.IdentityPatch;
import org.modelregistry.domain.identity.IdentityType;
import org.modelregistry.ports.out.IdentityRepository;

/**
 * The behaviour every {@link IdentityRepository} shares; extend it once per implementation and
 * return fresh, empty stores from {@link #openStores()}.
 */
public abstract class IdentityRepositoryContract extends IdentityStoreContract {

  @Test
  void givenNoIdentity_isEmpty_isTrue() {
    assertThat(identities.isEmpty()).isTrue();
    assertThat(identities.list()).isEmpty();
  }

  @Test
  void givenOneIdentity_isEmpty_isFalse() {
    stored(anIdentity());

    assertThat(identities.isEmpty()).isFalse();
  }

  @Test
  void givenEveryFieldSet_insert_findReturnsItUnchanged() {
    Identity bot =
        stored(
            anIdentity()
                .withId("ci-bot")
                .withDisplayName("CI \"bot\" ü")
                .withType(IdentityType.SERVICE_ACCOUNT)
                .withAccounts("acct-2", "acct-1")
                .withWorkspaces("team-a", "team-b", "team-c")
                .admin(true)
                .withCreatedAt(at(7)));

    assertThat(identities.find("ci-bot")).contains(bot);
    Identity found = identities.find("ci-bot").orElseThrow();
    assertThat(found.accounts()).containsExactly("acct-1", "acct-2");
    assertThat(found.workspaces()).containsExactly("team-a", "team-b", "team-c");
    assertThat(found.createdAt()).isEqualTo(at(7));
  }

  @Test
  void givenNoMemberships_insert_findReturnsEmptySets() {
    stored(anIdentity().withId("loner"));

    Identity found = identities.find("loner").orElseThrow();
    assertThat(found.accounts()).isEmpty();
    assertThat(found.workspaces()).isEmpty();
    assertThat(found.admin()).isFalse();
    assertThat(found.type()).isEqualTo(IdentityType.USER);
  }

  @Test
  void givenTheSameNameAsAccountAndWorkspace_insert_keepsBothMemberships() {
    stored(anIdentity().withId("dual").withAccounts("shared").withWorkspaces("shared"));

    Identity found = identities.find("dual").orElseThrow();
    assertThat(found.accounts()).containsExactly("shared");
    assertThat(found.workspaces()).containsExactly("shared");
  }

  @Test
  void givenManyMemberships_insert_keepsEveryOne() {
    String[] accounts = IntStream.range(0, 150).mapToObj(i -> "acct-" + i).toArray(String[]::new);
    stored(anIdentity().withId("busy").withAccounts(accounts));

    assertThat(identities.find("busy").orElseThrow().accounts())
        .containsExactlyInAnyOrder(accounts);
  }

  @Test
  void givenMembershipsOfAnotherIdentity_find_doesNotMixThem() {
    stored(anIdentity().withId("alice").withAccounts("acct-a").withWorkspaces("ws-a"));
    stored(anIdentity().withId("bob").withAccounts("acct-b"));

    assertThat(identities.find("alice").orElseThrow().accounts()).containsExactly("acct-a");
    assertThat(identities.find("bob").orElseThrow().accounts()).containsExactly("acct-b");
    assertThat(identities.find("bob").orElseThrow().workspaces()).isEmpty();
  }

  @Test
  void givenUnknownId_find_isEmpty() {
    stored(anIdentity().withId("alice"));

    assertThat(identities.find("bob")).isEmpty();
  }

  @Test
  void givenIdsThatDifferInCase_insert_storesBoth() {
    stored(anIdentity().withId("alice").withDisplayName("lower"));
    stored(anIdentity().withId("Alice").withDisplayName("upper"));

    assertThat(identities.find("alice").orElseThrow().displayName()).isEqualTo("lower");
    assertThat(identities.find("Alice").orElseThrow().displayName()).isEqualTo("upper");
  }

  @Test
  void givenTakenId_insert_isConflictAndKeepsTheFirst() {
    Identity first = stored(anIdentity().withId("alice").withAccounts("acct-1"));

    assertThatThrownBy(
            () ->
                identities.insert(
                    anIdentity()
                        .withId("alice")
                        .withDisplayName("Impostor")
                        .withAccounts("acct-9")
                        .admin(true)
                        .build()))
        .isInstanceOf(ConflictException.class);
    assertThat(identities.find("alice")).contains(first);
    assertThat(identities.list()).containsExactly(first);
  }

  @Test
  void givenRacingInsertsOfOneId_insert_exactlyOneWins() throws Exception {
    var outcomes =
        race(
            8,
            i ->
                identities.insert(
                    anIdentity()
                        .withId("admin")
                        .withDisplayName("racer " + i)
                        .withAccounts("acct-" + i)
                        .build()));

    assertThat(outcomes).filteredOn(Optional::isEmpty).hasSize(1);
    assertThat(outcomes)
        .filteredOn(Optional::isPresent)
        .allSatisfy(o -> assertThat(o.get()).isInstanceOf(ConflictException.class));
    Identity winner = identities.find("admin").orElseThrow();
    String racer = winner.displayName().substring("racer ".length());
    assertThat(winner.accounts()).containsExactly("acct-" + racer);
    assertThat(identities.list()).hasSize(1);
  }

  @Test
  void givenStoredIdentity_update_replacesDisplayNameMembershipsAndAdminFlag() {
    Identity stored =
        stored(anIdentity().withId("alice").withAccounts("acct-1", "acct-2").withWorkspaces("ws"));
    Identity changed =
        stored.apply(new IdentityPatch("Alice B.", Set.of("acct-2", "acct-3"), Set.of(), true));

    assertThat(identities.update(changed)).isTrue();

    assertThat(identities.find("alice")).contains(changed);
    Identity found = identities.find("alice").orElseThrow();
    assertThat(found.accounts()).containsExactly("acct-2", "acct-3");
    assertThat(found.workspaces()).isEmpty();
    assertThat(found.admin()).isTrue();
    assertThat(found.createdAt()).isEqualTo(stored.createdAt());
  }

  @Test
  void givenAdmin_updateWithoutTheFlag_demotesIt() {
    Identity stored = stored(anIdentity().withId("root").admin(true));

    assertThat(identities.update(stored.apply(new IdentityPatch(null, null, null, false))))
        .isTrue();

    assertThat(identities.find("root").orElseThrow().admin()).isFalse();
  }

  @Test
  void givenTwoIdentities_update_changesOnlyTheOneOfItsId() {
    Identity alice = stored(anIdentity().withId("alice").withAccounts("acct-1"));
    Identity bob = stored(anIdentity().withId("bob").withAccounts("acct-1"));

    identities.update(alice.apply(new IdentityPatch(null, Set.of(), null, null)));

    assertThat(identities.find("bob")).contains(bob);
  }

  @Test
  void givenUnknownId_update_isFalseAndStoresNothing() {
    Identity ghost = anIdentity().withId("ghost").withAccounts("acct-1").build();

    assertThat(identities.update(ghost)).isFalse();

    assertThat(identities.find("ghost")).isEmpty();
    assertThat(identities.isEmpty()).isTrue();
  }

  @Test
  void givenSeveralIdentities_list_returnsEveryOneById() {
    Identity carol = stored(anIdentity().withId("carol").withCreatedAt(at(1)));
    Identity alice = stored(anIdentity().withId("alice").withCreatedAt(at(3)).withAccounts("a"));
    Identity bob =
        stored(anIdentity().withId("bob").withCreatedAt(at(2)).withWorkspaces("w").admin(true));

    assertThat(identities.list()).containsExactly(alice, bob, carol);
  }

  @Test
  void givenUpdatedIdentity_list_showsTheNewState() {
    Identity alice = stored(anIdentity().withId("alice").withAccounts("acct-1"));
    Identity changed = alice.apply(new IdentityPatch(null, Set.of("acct-2"), Set.of("ws"), null));
    identities.update(changed);

    assertThat(identities.list()).containsExactly(changed);
    assertThat(
            identities.list().stream()
                .flatMap(i -> i.accounts().stream())
                .collect(Collectors.toSet()))
        .containsExactly("acct-2");
  }
}
