package org.modelregistry.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.modelregistry.domain.error.ForbiddenException;

class CallerTest {

  private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
  private static final Actor ALICE = new Actor("alice", IdentityType.USER);
  private static final Actor BOB = new Actor("bob", IdentityType.USER);

  private static Caller member(String account, String workspace, boolean admin) {
    return Caller.of(
        new Identity(
            "alice", "Alice", IdentityType.USER, Set.of(account), Set.of(workspace), admin, T0));
  }

  @Test
  void givenAnIdentity_of_belongsToItsAccountsAndWorkspacesOnly() {
    Caller alice = member("acme", "ws-acme", false);

    assertThat(alice.belongsToAccount("acme")).isTrue();
    assertThat(alice.belongsToAccount("globex")).isFalse();
    assertThat(alice.belongsToWorkspace("ws-acme")).isTrue();
    assertThat(alice.belongsToWorkspace("ws-globex")).isFalse();
    assertThat(alice.requireActor()).isEqualTo(ALICE);
    assertThat(alice.is("alice")).isTrue();
    assertThat(alice.is("bob")).isFalse();
  }

  @Test
  void givenAMember_sees_itsAccountsResourcesAndItsOwnCreationsElsewhere() {
    Caller alice = member("acme", "ws-acme", false);

    assertThat(alice.sees("acme", BOB)).isTrue();
    assertThat(alice.sees("globex", BOB)).isFalse();
    // A creator keeps seeing what it made after leaving the account.
    assertThat(alice.sees("globex", ALICE)).isTrue();
    assertThat(alice.accountScope())
        .contains(new AccountScope(Set.of("acme"), Optional.of("alice")));
  }

  @Test
  void givenAnAdministrator_seesAndBelongsEverywhere() {
    Caller root = member("acme", "ws-acme", true);

    assertThat(root.sees("globex", BOB)).isTrue();
    assertThat(root.belongsToAccount("globex")).isTrue();
    assertThat(root.belongsToWorkspace("ws-globex")).isTrue();
    assertThat(root.accountScope()).isEmpty();
  }

  @Test
  void givenATrustedLocalCaller_belongsEverywhereWithoutBeingAnAdministrator() {
    Caller local = Caller.trusted(ALICE, false);

    assertThat(local.belongsToAccount("any")).isTrue();
    assertThat(local.belongsToWorkspace("any")).isTrue();
    assertThat(local.accountScope()).isEmpty();
    assertThat(local.admin()).isFalse();
  }

  @Test
  void givenAnAnonymousCaller_seesNoAccountAndCannotAct() {
    Caller anonymous = Caller.anonymous();

    assertThat(anonymous.isAnonymous()).isTrue();
    assertThat(anonymous.sees("acme", BOB)).isFalse();
    assertThat(anonymous.belongsToAccount("acme")).isFalse();
    assertThat(anonymous.is("alice")).isFalse();
    assertThatThrownBy(anonymous::requireActor).isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> anonymous.requireAccount("acme"))
        .isInstanceOf(ForbiddenException.class);
  }

  @Test
  void givenANonMember_requireAccountAndWorkspace_refuseWithTheName() {
    Caller alice = member("acme", "ws-acme", false);

    alice.requireAccount("acme");
    alice.requireWorkspace("ws-acme");
    assertThatThrownBy(() -> alice.requireAccount("globex"))
        .isInstanceOf(ForbiddenException.class)
        .hasMessageContaining("'globex'");
    assertThatThrownBy(() -> alice.requireWorkspace("ws-globex"))
        .isInstanceOf(ForbiddenException.class)
        .hasMessageContaining("'ws-globex'");
  }

  @Test
  void givenAnAnonymousActorWithMemberships_isRefused() {
    assertThatThrownBy(() -> new Caller(Optional.empty(), Set.of("acme"), Set.of(), false, false))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
