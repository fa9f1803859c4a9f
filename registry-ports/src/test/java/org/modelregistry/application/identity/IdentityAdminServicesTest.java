package org.modelregistry.application.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modelregistry.application.identity.IdentityServices.ALICE;
import static org.modelregistry.application.identity.IdentityServices.BOB;
import static org.modelregistry.application.identity.IdentityServices.ROOT;
import static org.modelregistry.domain.testdata.TestIdentities.anAdmin;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.error.ForbiddenException;
import org.modelregistry.domain.error.NotFoundException;
import org.modelregistry.domain.error.ValidationException;
import org.modelregistry.domain.identity.Identity;
import org.modelregistry.domain.identity.IdentityPatch;
import org.modelregistry.domain.identity.IdentityType;
import org.modelregistry.ports.in.identity.NewIdentity;

/** Creating, changing and listing identities: administrators only. */
class IdentityAdminServicesTest {

  private final IdentityServices services = new IdentityServices().withRootAliceAndBob();

  private static NewIdentity newBot(String id) {
    return new NewIdentity(
        id, "CI bot", IdentityType.SERVICE_ACCOUNT, Set.of("acct-1"), Set.of("team-a"), false);
  }

  @Nested
  class Create {

    @Test
    void givenAdmin_create_storesTheIdentityStampedToTheMicrosecond() {
      Identity created = services.createIdentity.create(ROOT, newBot("ci-bot"));

      assertThat(created.id()).isEqualTo("ci-bot");
      assertThat(created.type()).isEqualTo(IdentityType.SERVICE_ACCOUNT);
      assertThat(created.accounts()).containsExactly("acct-1");
      assertThat(created.workspaces()).containsExactly("team-a");
      assertThat(created.admin()).isFalse();
      assertThat(created.createdAt()).isEqualTo(IdentityServices.T0.truncatedTo(ChronoUnit.MICROS));
      assertThat(services.identities.find("ci-bot")).contains(created);
    }

    @Test
    void givenAdmin_createAnotherAdmin_storesTheFlag() {
      var admin = new NewIdentity("ops", "Ops", IdentityType.USER, null, null, true);

      Identity created = services.createIdentity.create(ROOT, admin);

      assertThat(created.admin()).isTrue();
      assertThat(created.accounts()).isEmpty();
      assertThat(created.workspaces()).isEmpty();
    }

    @Test
    void givenNonAdmin_create_isForbiddenAndStoresNothing() {
      assertThatThrownBy(() -> services.createIdentity.create(ALICE, newBot("ci-bot")))
          .isInstanceOf(ForbiddenException.class);

      assertThat(services.identities.find("ci-bot")).isEmpty();
    }

    @Test
    void givenNonAdminWithInvalidData_create_isForbiddenBeforeValidation() {
      var invalid = new NewIdentity("", "", IdentityType.USER, null, null, true);

      assertThatThrownBy(() -> services.createIdentity.create(ALICE, invalid))
          .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void givenTakenId_create_isConflictAndKeepsTheFirst() {
      assertThatThrownBy(() -> services.createIdentity.create(ROOT, newBot("alice")))
          .isInstanceOf(ConflictException.class);

      assertThat(services.identities.find("alice")).contains(ALICE);
    }

    @Test
    void givenInvalidFields_create_reportsEveryViolation() {
      var invalid =
          new NewIdentity(" ", "", IdentityType.USER, Set.of("a".repeat(256)), Set.of(), false);

      assertThatThrownBy(() -> services.createIdentity.create(ROOT, invalid))
          .isInstanceOfSatisfying(
              ValidationException.class,
              e ->
                  assertThat(e.violations())
                      .extracting(v -> v.path())
                      .containsExactlyInAnyOrder(
                          List.of("id"), List.of("display_name"), List.of("accounts")));
      assertThat(services.identities.list()).hasSize(3);
    }
  }

  @Nested
  class Update {

    @Test
    void givenAdmin_update_changesDisplayNameMembershipsAndAdminFlag() {
      Identity changed =
          services.updateIdentity.update(
              ROOT, "alice", new IdentityPatch("Alice B.", Set.of("acct-2"), Set.of("ws"), true));

      assertThat(changed.displayName()).isEqualTo("Alice B.");
      assertThat(changed.accounts()).containsExactly("acct-2");
      assertThat(changed.workspaces()).containsExactly("ws");
      assertThat(changed.admin()).isTrue();
      assertThat(changed.createdAt()).isEqualTo(ALICE.createdAt());
      assertThat(services.identities.find("alice")).contains(changed);
    }

    @Test
    void givenEmptyPatch_update_changesNothing() {
      assertThat(services.updateIdentity.update(ROOT, "alice", IdentityPatch.NONE))
          .isEqualTo(ALICE);
    }

    @Test
    void givenNonAdmin_update_isForbiddenEvenForItself() {
      var promote = new IdentityPatch(null, null, null, true);

      assertThatThrownBy(() -> services.updateIdentity.update(ALICE, "alice", promote))
          .isInstanceOf(ForbiddenException.class);
      assertThatThrownBy(() -> services.updateIdentity.update(ALICE, "bob", promote))
          .isInstanceOf(ForbiddenException.class);
      assertThatThrownBy(() -> services.updateIdentity.update(ALICE, "nobody", promote))
          .isInstanceOf(ForbiddenException.class);
      assertThat(services.identities.find("alice")).contains(ALICE);
    }

    @Test
    void givenUnknownId_update_isNotFound() {
      assertThatThrownBy(() -> services.updateIdentity.update(ROOT, "nobody", IdentityPatch.NONE))
          .isInstanceOf(NotFoundException.class)
          .hasMessageContaining("nobody");
    }

    @Test
    void givenInvalidPatch_update_isRejectedAndKeepsTheStoredIdentity() {
      var invalid = new IdentityPatch(" ", Set.of(""), null, null);

      assertThatThrownBy(() -> services.updateIdentity.update(ROOT, "alice", invalid))
          .isInstanceOf(ValidationException.class);
      assertThat(services.identities.find("alice")).contains(ALICE);
    }

    @Test
    void givenTheLastAdmin_updateRevokingItsFlag_isConflict() {
      var demote = new IdentityPatch(null, null, null, false);

      assertThatThrownBy(() -> services.updateIdentity.update(ROOT, "root", demote))
          .isInstanceOf(ConflictException.class)
          .hasMessageContaining("last administrator");
      assertThat(services.identities.find("root").orElseThrow().admin()).isTrue();
    }

    @Test
    void givenTheLastAdmin_updateOfOtherFields_succeeds() {
      Identity renamed =
          services.updateIdentity.update(
              ROOT, "root", new IdentityPatch("Root 2", null, null, true));

      assertThat(renamed.displayName()).isEqualTo("Root 2");
      assertThat(renamed.admin()).isTrue();
    }

    @Test
    void givenTwoAdmins_updateDemotingOne_succeeds() {
      services.updateIdentity.update(ROOT, "bob", new IdentityPatch(null, null, null, true));
      Identity bob = services.identities.find("bob").orElseThrow();

      Identity demoted =
          services.updateIdentity.update(bob, "root", new IdentityPatch(null, null, null, false));

      assertThat(demoted.admin()).isFalse();
      assertThat(services.listIdentities.list(bob)).filteredOn(Identity::admin).hasSize(1);
    }

    @Test
    void givenTwoAdminsDemotingEachOtherAtOnce_update_leavesOneAdmin() throws Exception {
      services.updateIdentity.update(ROOT, "bob", new IdentityPatch(null, null, null, true));
      Identity bob = services.identities.find("bob").orElseThrow();
      var demote = new IdentityPatch(null, null, null, false);

      List<Optional<Throwable>> outcomes =
          raceBoth(
              () -> services.updateIdentity.update(ROOT, "bob", demote),
              () -> services.updateIdentity.update(bob, "root", demote));

      assertThat(outcomes).filteredOn(Optional::isEmpty).hasSize(1);
      assertThat(outcomes)
          .filteredOn(Optional::isPresent)
          .singleElement()
          .satisfies(o -> assertThat(o.get()).isInstanceOf(ConflictException.class));
      assertThat(services.identities.list()).filteredOn(Identity::admin).hasSize(1);
    }
  }

  /** Runs both tasks released at the same moment; returns what each threw (empty on success). */
  static List<Optional<Throwable>> raceBoth(Runnable first, Runnable second) throws Exception {
    var start = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Optional<Throwable>>> futures = new ArrayList<>();
      for (Runnable task : List.of(first, second)) {
        futures.add(
            pool.submit(
                () -> {
                  start.await(30, TimeUnit.SECONDS);
                  try {
                    task.run();
                    return Optional.<Throwable>empty();
                  } catch (RuntimeException e) {
                    return Optional.<Throwable>of(e);
                  }
                }));
      }
      List<Optional<Throwable>> outcomes = new ArrayList<>();
      for (var future : futures) {
        outcomes.add(future.get(30, TimeUnit.SECONDS));
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }

  @Nested
  class ListAll {

    @Test
    void givenAdmin_list_returnsEveryIdentityById() {
      assertThat(services.listIdentities.list(ROOT)).containsExactly(ALICE, BOB, ROOT);
    }

    @Test
    void givenAnotherAdmin_list_returnsThemToo() {
      Identity ops = anAdmin().withId("ops").build();

      assertThat(services.listIdentities.list(ops)).hasSize(3);
    }

    @Test
    void givenNonAdmin_list_isForbidden() {
      assertThatThrownBy(() -> services.listIdentities.list(ALICE))
          .isInstanceOf(ForbiddenException.class);
    }
  }
}
