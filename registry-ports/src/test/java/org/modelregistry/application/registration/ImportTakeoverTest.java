package org.modelregistry.application.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modelregistry.application.registration.RegistrationServices.ALICE;
import static org.modelregistry.application.registration.RegistrationServices.content;
import static org.modelregistry.domain.registration.TestRegistrations.FILES;
import static org.modelregistry.domain.registration.TestRegistrations.signedUrl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.registration.FileImportState;
import org.modelregistry.domain.registration.ImportState;
import org.modelregistry.domain.registration.RegisteredModel;
import org.modelregistry.domain.registration.TestRegistrations;
import org.modelregistry.ports.out.memory.InMemoryArtifactStore;
import org.modelregistry.ports.out.memory.InMemoryImportLeases;
import org.modelregistry.ports.out.memory.InMemoryRegisteredModelRepository;
import org.modelregistry.ports.out.memory.LockingTransactionRunner;
import org.modelregistry.ports.out.memory.ScriptedSourceFetcher;
import org.modelregistry.ports.out.memory.ScriptedSourceFetcher.Body;

/**
 * Two importers on one store stand for two registry nodes on one database: a version is imported by
 * the node holding its claim; when that node stalls past its lease, the other takes the import over
 * and completes it, and the stalled node, waking up, changes nothing and removes nothing.
 */
class ImportTakeoverTest {

  private static final String WEIGHTS = "pytorch_model.bin";
  private static final Duration LEASE = Duration.ofSeconds(30);

  private final InMemoryRegisteredModelRepository models = new InMemoryRegisteredModelRepository();
  private final InMemoryArtifactStore store = new InMemoryArtifactStore();
  private final InMemoryImportLeases leases = new InMemoryImportLeases(models);
  private final ScriptedSourceFetcher fetcher = new ScriptedSourceFetcher();
  private final LockingTransactionRunner transactions = new LockingTransactionRunner();
  private final SettableClock clock = new SettableClock(Instant.parse("2026-11-23T10:00:00Z"));
  private final CountDownLatch stalled = new CountDownLatch(1);
  private final ModelImporter nodeA = importer("node-a");
  private final ModelImporter nodeB = importer("node-b");

  private ModelImporter importer(String nodeId) {
    return new ModelImporter(
        models,
        transactions,
        store,
        fetcher,
        clock,
        // No progress records while a file streams: a copy meets its lost claim only when it
        // records its outcome (or, failing, before it removes what it wrote).
        new ImportSettings(
            2,
            1 << 20,
            4 << 20,
            3,
            Duration.ofMillis(1),
            Duration.ofMillis(5),
            1L << 40,
            ImportSettings.RestartPolicy.RESUME),
        new ImportNode(nodeId, leases, LEASE));
  }

  @AfterEach
  void close() {
    stalled.countDown();
    nodeA.close();
    nodeB.close();
  }

  /** Node A registers the version and copies every file but the weights, which stall. */
  private RegisteredModel registeredOnNodeAWithStalledWeights() {
    FILES.stream()
        .filter(f -> !f.equals(WEIGHTS))
        .forEach(f -> fetcher.serve(signedUrl(f), content(f)));
    byte[] weights = content(WEIGHTS);
    // The first fetch of the weights (node A's) stalls; any later one is answered at once.
    fetcher.answer(
        signedUrl(WEIGHTS),
        new Body(weights, weights.length, stalled),
        new Body(weights, weights.length, null));
    RegisteredModel model =
        RegisteredModel.create(
            "reg-1",
            ALICE.requireActor().userId(),
            TestRegistrations.aRegistration(),
            clock.instant());
    models.insert(model);
    nodeA.schedule(model.id());
    return Polling.until(
        () -> models.findById(model.id()).orElseThrow(),
        m ->
            m.file(new FilePath(WEIGHTS)).orElseThrow().state() == FileImportState.COPYING
                && m.progress().storedFiles() == FILES.size() - 1);
  }

  @Test
  void givenANodeStalledPastItsLease_anotherTakesTheImportOverAndTheStalledOneChangesNothing() {
    RegisteredModel during = registeredOnNodeAWithStalledWeights();

    // While A's claim lasts, B leaves the version alone.
    assertThat(nodeB.maintain()).isZero();
    assertThat(nodeB.isRunning(during.id())).isFalse();

    // A stalls past its lease (it renews nothing); B takes the import over and completes it.
    clock.advance(LEASE.plusSeconds(1));
    assertThat(nodeB.maintain()).isEqualTo(1);
    nodeB.awaitEnd(during.id(), Duration.ofSeconds(20));
    RegisteredModel ready = models.findById(during.id()).orElseThrow();
    assertThat(ready.state()).isEqualTo(ImportState.READY);

    // A wakes up: its copy ends without recording, failing or removing anything.
    stalled.countDown();
    Polling.until(() -> nodeA.isRunning(during.id()), running -> !running);

    RegisteredModel after = models.findById(during.id()).orElseThrow();
    assertThat(after).isEqualTo(ready);
    assertThat(store.paths()).hasSize(FILES.size());
    for (int position = 0; position < FILES.size(); position++) {
      FilePath path = ModelVersions.storagePath(during.id(), position);
      assertThat(store.bytes(path)).isEqualTo(content(FILES.get(position)));
    }
    assertThat(fetcher.fetchesOf(signedUrl(WEIGHTS))).isEqualTo(2);
    assertThat(leases.holds(during.id(), "node-a", clock.instant())).isFalse();
    assertThat(leases.holds(during.id(), "node-b", clock.instant())).isFalse();
  }

  @Test
  void givenAStalledNodeWhoseCopyFailsAfterTheTakeover_itRemovesNothingOfTheNewHolders() {
    FILES.stream()
        .filter(f -> !f.equals(WEIGHTS))
        .forEach(f -> fetcher.serve(signedUrl(f), content(f)));
    byte[] weights = content(WEIGHTS);
    // Node A's weights stall, then come short of what they announced: its copy fails.
    fetcher.answer(
        signedUrl(WEIGHTS),
        new Body(weights, weights.length + 10, stalled),
        new Body(weights, weights.length, null));
    RegisteredModel model =
        RegisteredModel.create(
            "reg-2",
            ALICE.requireActor().userId(),
            TestRegistrations.aRegistration(),
            clock.instant());
    models.insert(model);
    nodeA.schedule(model.id());
    Polling.until(
        () -> models.findById(model.id()).orElseThrow(),
        m -> m.file(new FilePath(WEIGHTS)).orElseThrow().state() == FileImportState.COPYING);
    clock.advance(LEASE.plusSeconds(1));
    assertThat(nodeB.maintain()).isEqualTo(1);
    nodeB.awaitEnd(model.id(), Duration.ofSeconds(20));

    stalled.countDown();
    Polling.until(() -> nodeA.isRunning(model.id()), running -> !running);

    assertThat(models.findById(model.id()).orElseThrow().state()).isEqualTo(ImportState.READY);
    assertThat(store.paths()).hasSize(FILES.size());
    int weightsPosition = FILES.indexOf(WEIGHTS);
    assertThat(store.bytes(ModelVersions.storagePath(model.id(), weightsPosition)))
        .isEqualTo(weights);
  }

  @Test
  void givenALostClaim_maintainOnTheFormerHolder_stopsItsCopy() {
    RegisteredModel during = registeredOnNodeAWithStalledWeights();
    clock.advance(LEASE.plusSeconds(1));
    assertThat(nodeB.maintain()).isEqualTo(1);

    // A's renewal fails: it stops its stalled copy at once instead of waiting for its source.
    nodeA.maintain();
    Polling.until(() -> nodeA.isRunning(during.id()), running -> !running);

    nodeB.awaitEnd(during.id(), Duration.ofSeconds(20));
    assertThat(models.findById(during.id()).orElseThrow().state()).isEqualTo(ImportState.READY);
    assertThat(store.paths()).hasSize(FILES.size());
  }

  @Test
  void givenANodeThatStopsCleanly_anotherTakesItsImportOverAtOnce() {
    RegisteredModel during = registeredOnNodeAWithStalledWeights();

    nodeA.close();

    // No waiting for the lease: a clean stop gives the claim up.
    assertThat(nodeB.maintain()).isEqualTo(1);
    nodeB.awaitEnd(during.id(), Duration.ofSeconds(20));
    assertThat(models.findById(during.id()).orElseThrow().state()).isEqualTo(ImportState.READY);
    assertThat(store.paths()).hasSize(FILES.size());
  }

  @Test
  void givenAClaimHeldElsewhere_schedule_startsNothingHere() {
    RegisteredModel during = registeredOnNodeAWithStalledWeights();

    nodeB.schedule(during.id());

    assertThat(nodeB.isRunning(during.id())).isFalse();
    assertThat(leases.holds(during.id(), "node-a", clock.instant())).isTrue();
  }

  /** A clock the test moves. */
  private static final class SettableClock extends Clock {
    private final AtomicReference<Instant> now;

    SettableClock(Instant start) {
      now = new AtomicReference<>(start);
    }

    void advance(Duration by) {
      now.updateAndGet(t -> t.plus(by));
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }
}
