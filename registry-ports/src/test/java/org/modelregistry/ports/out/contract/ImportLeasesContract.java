package org.modelregistry.ports.out.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modelregistry.domain.registration.RegisteredModel;
import org.modelregistry.domain.registration.TestRegistrations;
import org.modelregistry.ports.out.ImportLeases;
import org.modelregistry.ports.out.RegisteredModelRepository;

/**
 * The behaviour every {@link ImportLeases} shares, over the registered versions of the same store;
 * extend it once per implementation and return a fresh, empty store from {@link #openStore()}.
 */
public abstract class ImportLeasesContract {

  /** The versions and the claims on them, from one store; closing releases what it opened. */
  public record LeaseStore(
      RegisteredModelRepository models, ImportLeases leases, AutoCloseable resources)
      implements AutoCloseable {

    public LeaseStore {
      Objects.requireNonNull(models, "models");
      Objects.requireNonNull(leases, "leases");
      Objects.requireNonNull(resources, "resources");
    }

    @Override
    public void close() throws Exception {
      resources.close();
    }
  }

  protected static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
  protected static final Duration LEASE = Duration.ofSeconds(30);

  private LeaseStore store;
  private ImportLeases leases;

  protected abstract LeaseStore openStore() throws Exception;

  @BeforeEach
  void open() throws Exception {
    store = openStore();
    leases = store.leases();
  }

  @AfterEach
  void close() throws Exception {
    if (store != null) {
      store.close();
    }
  }

  /** An IMPORTING version of {@code owner}, created at {@code createdAt}. */
  private RegisteredModel importing(String id, String owner, Instant createdAt) {
    RegisteredModel model =
        RegisteredModel.create(id, owner, TestRegistrations.aRegistration(), createdAt);
    store.models().insert(model);
    return model;
  }

  private RegisteredModel importing(String id) {
    return importing(id, "owner-" + id, T0);
  }

  @Test
  void givenAnImportingVersion_claim_holdsItUntilItRunsOut() {
    importing("r1");

    assertThat(leases.claim("r1", "node-a", T0, T0.plus(LEASE))).isTrue();

    assertThat(leases.holds("r1", "node-a", T0.plus(LEASE).minusMillis(1))).isTrue();
    assertThat(leases.holds("r1", "node-a", T0.plus(LEASE))).isFalse();
    assertThat(leases.holds("r1", "node-b", T0)).isFalse();
    // Claiming again as the holder extends the claim.
    assertThat(leases.claim("r1", "node-a", T0.plusSeconds(1), T0.plus(LEASE).plusSeconds(1)))
        .isTrue();
  }

  @Test
  void givenAClaimOfAnotherNode_claim_failsUntilItRunsOutThenTakesItOver() {
    importing("r1");
    leases.claim("r1", "node-a", T0, T0.plus(LEASE));

    assertThat(leases.claim("r1", "node-b", T0.plusSeconds(29), T0.plusSeconds(59))).isFalse();
    assertThat(leases.claim("r1", "node-b", T0.plus(LEASE), T0.plus(LEASE).plus(LEASE))).isTrue();

    assertThat(leases.holds("r1", "node-b", T0.plus(LEASE))).isTrue();
    assertThat(leases.holds("r1", "node-a", T0.plus(LEASE))).isFalse();
    // The former holder learns it lost the claim when it renews.
    assertThat(leases.renew("r1", "node-a", T0.plus(LEASE), T0.plusSeconds(90))).isFalse();
    assertThat(leases.holds("r1", "node-b", T0.plusSeconds(31))).isTrue();
  }

  @Test
  void givenAClaim_renew_extendsItForItsHolderOnly() {
    importing("r1");
    leases.claim("r1", "node-a", T0, T0.plus(LEASE));

    assertThat(leases.renew("r1", "node-a", T0.plusSeconds(20), T0.plusSeconds(50))).isTrue();
    assertThat(leases.renew("r1", "node-b", T0.plusSeconds(20), T0.plusSeconds(50))).isFalse();

    assertThat(leases.holds("r1", "node-a", T0.plusSeconds(45))).isTrue();
    assertThat(leases.claim("r1", "node-b", T0.plusSeconds(45), T0.plusSeconds(75))).isFalse();
  }

  @Test
  void givenAClaimThatRanOut_renewByItsHolder_failsAlthoughNobodyTookIt() {
    importing("r1");
    leases.claim("r1", "node-a", T0, T0.plus(LEASE));

    // A node that missed its renewal cannot know whether another copied meanwhile.
    assertThat(leases.renew("r1", "node-a", T0.plus(LEASE), T0.plusSeconds(60))).isFalse();
  }

  @Test
  void givenAVersionNoLongerImporting_claimAndRenew_fail() {
    RegisteredModel model = importing("r1");
    leases.claim("r1", "node-a", T0, T0.plus(LEASE));
    store.models().update(model.failImport("gave up", T0.plusSeconds(1)));

    assertThat(leases.renew("r1", "node-a", T0.plusSeconds(2), T0.plusSeconds(32))).isFalse();
    assertThat(leases.claim("r1", "node-b", T0.plusSeconds(60), T0.plusSeconds(90))).isFalse();
    assertThat(leases.claim("unknown", "node-b", T0, T0.plus(LEASE))).isFalse();
    assertThat(leases.holds("unknown", "node-b", T0)).isFalse();
  }

  @Test
  void givenARelease_anotherNodeClaimsAtOnce() {
    importing("r1");
    leases.claim("r1", "node-a", T0, T0.plus(LEASE));

    leases.release("r1", "node-b", T0); // not its claim: nothing happens
    assertThat(leases.holds("r1", "node-a", T0)).isTrue();
    leases.release("r1", "node-a", T0);

    assertThat(leases.holds("r1", "node-a", T0)).isFalse();
    assertThat(leases.claim("r1", "node-b", T0.plusSeconds(1), T0.plusSeconds(31))).isTrue();
  }

  @Test
  void givenImportingVersions_claimable_listsThoseWithoutALiveClaimOldestFirst() {
    importing("r1", "o1", T0.plusSeconds(3));
    importing("r2", "o2", T0.plusSeconds(1));
    importing("r3", "o3", T0.plusSeconds(2));
    RegisteredModel done = importing("r4", "o4", T0);
    store.models().update(done.failImport("gave up", T0.plusSeconds(4)));
    leases.claim("r3", "node-a", T0, T0.plus(LEASE));

    assertThat(leases.claimable(T0.plusSeconds(10), Duration.ZERO, 10)).containsExactly("r2", "r1");
    assertThat(leases.claimable(T0.plusSeconds(10), Duration.ZERO, 1)).containsExactly("r2");
    // Once r3's claim ran out, it may be taken over too.
    assertThat(leases.claimable(T0.plus(LEASE), Duration.ZERO, 10))
        .containsExactly("r2", "r3", "r1");
  }

  @Test
  void givenAVersionJustRegistered_claimable_leavesItToItsNodeForTheGrace() {
    importing("fresh", "o1", T0);
    importing("older", "o2", T0.minusSeconds(60));
    importing("released", "o3", T0.minusSeconds(1));
    leases.claim("released", "node-a", T0, T0.plus(LEASE));
    leases.release("released", "node-a", T0);

    // A claim given up may be taken over at once; one never taken waits for its grace.
    assertThat(leases.claimable(T0.plusSeconds(5), LEASE, 10)).containsExactly("older", "released");
    assertThat(leases.claimable(T0.plus(LEASE), LEASE, 10))
        .containsExactly("older", "released", "fresh");
  }

  @Test
  void givenManyNodesClaimingAtOnce_exactlyOneHoldsTheVersion() throws Exception {
    importing("r1");
    int nodes = 8;
    ExecutorService pool = Executors.newFixedThreadPool(nodes);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Boolean>> outcomes = new ArrayList<>();
      for (int i = 0; i < nodes; i++) {
        String node = "node-" + i;
        outcomes.add(
            pool.submit(
                () -> {
                  start.await();
                  return leases.claim("r1", node, T0, T0.plus(LEASE));
                }));
      }
      start.countDown();
      int won = 0;
      for (Future<Boolean> outcome : outcomes) {
        won += outcome.get(60, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(won).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
