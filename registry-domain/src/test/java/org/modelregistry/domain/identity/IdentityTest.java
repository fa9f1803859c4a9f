package org.modelregistry.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modelregistry.domain.testdata.TestIdentities.anIdentity;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modelregistry.domain.error.ValidationException;
import org.modelregistry.domain.error.Violation;

class IdentityTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static Identity identity(String id, String displayName, Set<String> accounts) {
    return new Identity(id, displayName, IdentityType.USER, accounts, Set.of(), false, T0);
  }

  private static Set<String> names(int count, int length) {
    return IntStream.range(0, count)
        .mapToObj(i -> String.format("%0" + length + "d", i))
        .collect(Collectors.toSet());
  }

  private static ValidationException rejection(Runnable create) {
    try {
      create.run();
    } catch (ValidationException e) {
      return e;
    }
    throw new AssertionError("expected a validation failure");
  }

  @Test
  void givenValidFields_create_keepsThem() {
    Identity bot =
        new Identity(
            "ci-bot",
            "CI bot",
            IdentityType.SERVICE_ACCOUNT,
            Set.of("acct-1"),
            Set.of("team-a"),
            true,
            T0);

    assertThat(bot.id()).isEqualTo("ci-bot");
    assertThat(bot.displayName()).isEqualTo("CI bot");
    assertThat(bot.type()).isEqualTo(IdentityType.SERVICE_ACCOUNT);
    assertThat(bot.accounts()).containsExactly("acct-1");
    assertThat(bot.workspaces()).containsExactly("team-a");
    assertThat(bot.admin()).isTrue();
    assertThat(bot.createdAt()).isEqualTo(T0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t"})
  void givenBlankId_create_isRejectedAtId(String id) {
    assertThat(rejection(() -> identity(id, "A", Set.of())).violations())
        .extracting(Violation::path)
        .containsExactly(List.of("id"));
  }

  @Test
  void givenNullId_create_isRejectedAtId() {
    assertThat(rejection(() -> identity(null, "A", Set.of())).violations())
        .extracting(Violation::path)
        .containsExactly(List.of("id"));
  }

  @Test
  void givenIdOf255Characters_create_accepts() {
    assertThat(identity("i".repeat(255), "A", Set.of()).id()).hasSize(255);
  }

  @Test
  void givenIdOver255Characters_create_isRejected() {
    assertThatThrownBy(() -> identity("i".repeat(256), "A", Set.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("id");
  }

  @ParameterizedTest
  @ValueSource(strings = {"alice\nforged line", "alice\r", "bob\u0000", "eve\u001b[31m"})
  void givenIdWithControlCharacters_create_isRejected(String id) {
    assertThatThrownBy(() -> identity(id, "A", Set.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("control characters");
  }

  @Test
  void givenUnicodeId_create_accepts() {
    assertThat(identity("jürgen.müller@example.com", "Jürgen", Set.of()).id())
        .isEqualTo("jürgen.müller@example.com");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  "})
  void givenBlankDisplayName_create_isRejectedAtDisplayName(String displayName) {
    assertThat(rejection(() -> identity("alice", displayName, Set.of())).violations())
        .extracting(Violation::path)
        .containsExactly(List.of("display_name"));
  }

  @Test
  void givenDisplayNameOf255CodePoints_create_accepts() {
    String emoji = "😀".repeat(255);

    assertThat(identity("alice", emoji, Set.of()).displayName()).isEqualTo(emoji);
  }

  @Test
  void givenDisplayNameOver255Characters_create_isRejected() {
    assertThatThrownBy(() -> identity("alice", "n".repeat(256), Set.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("display_name");
  }

  @Test
  void givenNoMembershipSets_create_isRejectedAtBoth() {
    var e = rejection(() -> new Identity("alice", "A", IdentityType.USER, null, null, false, T0));

    assertThat(e.violations())
        .extracting(Violation::path)
        .containsExactlyInAnyOrder(List.of("accounts"), List.of("workspaces"));
  }

  @Test
  void givenEveryFieldWrong_create_reportsEachViolation() {
    var workspaces = new HashSet<String>();
    workspaces.add(null);
    var e =
        rejection(
            () ->
                new Identity(
                    "", "", IdentityType.USER, Set.of("a".repeat(256)), workspaces, false, T0));

    assertThat(e.violations())
        .extracting(Violation::path)
        .containsExactlyInAnyOrder(
            List.of("id"), List.of("display_name"), List.of("accounts"), List.of("workspaces"));
  }

  @Test
  void givenMembershipNamesAtTheLimits_create_accepts() {
    Set<String> accounts = names(Identity.MAX_MEMBERSHIPS, Identity.MAX_MEMBERSHIP_LENGTH);

    assertThat(identity("alice", "A", accounts).accounts()).hasSize(Identity.MAX_MEMBERSHIPS);
  }

  @Test
  void givenMoreThanTheMostMemberships_create_isRejected() {
    assertThatThrownBy(() -> identity("alice", "A", names(Identity.MAX_MEMBERSHIPS + 1, 5)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("at most 1000");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " "})
  void givenBlankMembershipName_create_isRejected(String name) {
    assertThatThrownBy(
            () -> new Identity("alice", "A", IdentityType.USER, Set.of(), Set.of(name), false, T0))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("workspaces");
  }

  @Test
  void givenMembershipNameOver255Characters_create_isRejected() {
    assertThatThrownBy(() -> identity("alice", "A", Set.of("a".repeat(256))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("accounts");
  }

  @Test
  void givenNoTypeOrCreationTime_create_isRefused() {
    assertThatThrownBy(() -> new Identity("alice", "A", null, Set.of(), Set.of(), false, T0))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(
            () -> new Identity("alice", "A", IdentityType.USER, Set.of(), Set.of(), false, null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void givenUnsortedMutableMemberships_create_keepsASortedCopyNobodyCanChange() {
    var accounts = new HashSet<>(Set.of("b", "c", "a"));
    Identity alice = identity("alice", "A", accounts);
    accounts.add("d");

    assertThat(alice.accounts()).containsExactly("a", "b", "c");
    assertThatThrownBy(() -> alice.accounts().add("e"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void givenTheSameMembershipsInAnotherSetType_equals_isTrue() {
    assertThat(identity("alice", "A", Set.of("x", "y")))
        .isEqualTo(identity("alice", "A", new HashSet<>(Set.of("y", "x"))));
  }

  @Test
  void givenIdentity_actor_carriesItsIdAndType() {
    Identity bot = anIdentity().withId("bot").withType(IdentityType.SERVICE_ACCOUNT).build();

    assertThat(bot.actor()).isEqualTo(new Actor("bot", IdentityType.SERVICE_ACCOUNT));
  }

  @Test
  void givenMember_belongsTo_isTrueOnlyForItsAccountsAndWorkspaces() {
    // Memberships decide through the caller an identity is: the one rule of who may act where.
    Caller alice = Caller.of(anIdentity().withAccounts("acct-1").withWorkspaces("ws-1").build());

    assertThat(alice.belongsToAccount("acct-1")).isTrue();
    assertThat(alice.belongsToAccount("acct-2")).isFalse();
    assertThat(alice.belongsToAccount("ws-1")).isFalse();
    assertThat(alice.belongsToWorkspace("ws-1")).isTrue();
    assertThat(alice.belongsToWorkspace("ws-2")).isFalse();
    assertThat(alice.belongsToWorkspace("acct-1")).isFalse();
  }

  @Test
  void givenAdmin_belongsTo_isTrueEverywhere() {
    Caller root = Caller.of(anIdentity().admin(true).build());

    assertThat(root.belongsToAccount("any")).isTrue();
    assertThat(root.belongsToWorkspace("any")).isTrue();
  }

  @Test
  void givenPatchOfEveryField_apply_changesThemAndKeepsIdTypeAndCreation() {
    Identity alice =
        anIdentity().withType(IdentityType.SERVICE_ACCOUNT).withAccounts("acct-1").build();

    Identity changed =
        alice.apply(new IdentityPatch("Alice B.", Set.of("acct-2"), Set.of("ws-9"), true));

    assertThat(changed)
        .isEqualTo(
            new Identity(
                alice.id(),
                "Alice B.",
                IdentityType.SERVICE_ACCOUNT,
                Set.of("acct-2"),
                Set.of("ws-9"),
                true,
                alice.createdAt()));
  }

  @Test
  void givenEmptyPatch_apply_changesNothing() {
    Identity alice = anIdentity().withAccounts("acct-1").withWorkspaces("ws").admin(true).build();

    assertThat(alice.apply(IdentityPatch.NONE)).isEqualTo(alice);
  }

  @Test
  void givenEmptyMembershipSets_apply_removesEveryMembership() {
    Identity alice = anIdentity().withAccounts("acct-1").withWorkspaces("ws").build();

    Identity changed = alice.apply(new IdentityPatch(null, Set.of(), Set.of(), null));

    assertThat(changed.accounts()).isEmpty();
    assertThat(changed.workspaces()).isEmpty();
  }

  @Test
  void givenPatchBreakingARule_apply_isRejected() {
    Identity alice = anIdentity().build();

    assertThatThrownBy(() -> alice.apply(new IdentityPatch(" ", Set.of(""), null, null)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("display_name")
        .hasMessageContaining("accounts");
  }

  @Test
  void givenPatch_revokesAdmin_isTrueOnlyForAnExplicitFalse() {
    assertThat(new IdentityPatch(null, null, null, false).revokesAdmin()).isTrue();
    assertThat(new IdentityPatch(null, null, null, true).revokesAdmin()).isFalse();
    assertThat(IdentityPatch.NONE.revokesAdmin()).isFalse();
  }

  @Test
  void givenMutableSets_patch_keepsACopy() {
    var accounts = new HashSet<>(Set.of("a"));
    var patch = new IdentityPatch(null, accounts, null, null);
    accounts.add("b");

    assertThat(patch.accounts()).containsExactly("a");
  }
}
