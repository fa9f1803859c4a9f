package org.modelregistry.application.registration;

import static org.modelregistry.domain.registration.TestRegistrations.FILES;
import static org.modelregistry.domain.registration.TestRegistrations.signedUrl;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.modelregistry.domain.identity.Actor;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.identity.IdentityType;
import org.modelregistry.domain.naming.ResourceName;
import org.modelregistry.domain.registration.RegisteredModel;
import org.modelregistry.domain.registration.TestRegistrations;
import org.modelregistry.domain.registration.VersionName;
import org.modelregistry.ports.in.registration.GetRegisteredModelUseCase;
import org.modelregistry.ports.in.registration.ModelVersionRef;
import org.modelregistry.ports.out.TransactionRunner;
import org.modelregistry.ports.out.memory.InMemoryArtifactStore;
import org.modelregistry.ports.out.memory.InMemoryImportLeases;
import org.modelregistry.ports.out.memory.InMemoryRegisteredModelRepository;
import org.modelregistry.ports.out.memory.LockingTransactionRunner;
import org.modelregistry.ports.out.memory.ScriptedSourceFetcher;

/** Every registration service wired over in-memory fakes, for one test. */
final class RegistrationServices implements AutoCloseable {

  static final Caller ALICE =
      Caller.trusted(new Actor(TestRegistrations.OWNER, IdentityType.USER), false);
  static final Caller BOB = Caller.trusted(new Actor("bob", IdentityType.USER), false);
  static final ModelVersionRef REF =
      ModelVersionRef.of(
          new ResourceName(TestRegistrations.NAME), new VersionName(TestRegistrations.VERSION));

  /** Fast retries and a progress record every 4 bytes, so tests see every step quickly. */
  static ImportSettings fastSettings(ImportSettings.RestartPolicy onRestart) {
    return fastSettings(2, 1 << 20, 4 << 20, onRestart);
  }

  /** Fast settings with these limits. */
  static ImportSettings fastSettings(
      int parallelFiles,
      long maxFileBytes,
      long maxModelBytes,
      ImportSettings.RestartPolicy onRestart) {
    return new ImportSettings(
        parallelFiles,
        maxFileBytes,
        maxModelBytes,
        3,
        Duration.ofMillis(1),
        Duration.ofMillis(5),
        4,
        onRestart);
  }

  final InMemoryRegisteredModelRepository models = new InMemoryRegisteredModelRepository();
  final InMemoryArtifactStore store = new InMemoryArtifactStore();
  final ScriptedSourceFetcher fetcher = new ScriptedSourceFetcher();
  final InMemoryImportLeases leases = new InMemoryImportLeases(models);
  final Clock clock = Clock.fixed(Instant.parse("2026-11-01T10:00:00Z"), ZoneOffset.UTC);
  final ModelImporter importer;
  final RegisterModelService register;
  final GetRegisteredModelService get;
  final UpdateRegisteredModelService update;
  final DeleteRegisteredModelService delete;
  final ReadModelFileService read;
  private final AtomicInteger ids = new AtomicInteger();

  RegistrationServices() {
    this(fastSettings(ImportSettings.RestartPolicy.RESUME));
  }

  RegistrationServices(ImportSettings settings) {
    TransactionRunner transactions = new LockingTransactionRunner();
    importer =
        new ModelImporter(
            models,
            transactions,
            store,
            fetcher,
            clock,
            settings,
            new ImportNode("node-1", leases, ImportNode.DEFAULT_LEASE));
    register =
        new RegisterModelService(
            models, fetcher, importer, () -> "reg-" + ids.incrementAndGet(), clock);
    get = new GetRegisteredModelService(models, importer);
    update = new UpdateRegisteredModelService(models, transactions, clock);
    delete = new DeleteRegisteredModelService(models, transactions, store, importer);
    read = new ReadModelFileService(models, store);
  }

  /** The content the fake source serves for {@code file}. */
  static byte[] content(String file) {
    return ("content of " + file).getBytes(StandardCharsets.UTF_8);
  }

  /** Serves every file of the full registration body. */
  RegistrationServices servingAllFiles() {
    FILES.forEach(f -> fetcher.serve(signedUrl(f), content(f)));
    return this;
  }

  RegisteredModel registerAndAwait() {
    register.register(ALICE, TestRegistrations.aRegistration());
    return awaitEnd(ALICE);
  }

  /**
   * The version once its import ended, and once the import's job ended too: a version is FAILED as
   * soon as one file fails, while the job's last sweep of copies still in flight comes after.
   */
  RegisteredModel awaitEnd(Caller viewer) {
    RegisteredModel ended = get.await(viewer, REF, GetRegisteredModelUseCase.MAX_WAIT);
    importer.awaitEnd(ended.id(), GetRegisteredModelUseCase.MAX_WAIT);
    return ended;
  }

  @Override
  public void close() {
    importer.close();
  }
}
