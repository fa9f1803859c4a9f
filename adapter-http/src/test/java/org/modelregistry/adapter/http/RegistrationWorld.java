package org.modelregistry.adapter.http;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.modelregistry.application.registration.DeleteRegisteredModelService;
import org.modelregistry.application.registration.GetRegisteredModelService;
import org.modelregistry.application.registration.ImportNode;
import org.modelregistry.application.registration.ImportSettings;
import org.modelregistry.application.registration.ListRegisteredModelsService;
import org.modelregistry.application.registration.ModelImporter;
import org.modelregistry.application.registration.ReadModelFileService;
import org.modelregistry.application.registration.RegisterModelService;
import org.modelregistry.application.registration.UpdateRegisteredModelService;
import org.modelregistry.ports.in.RegistrationUseCases;
import org.modelregistry.ports.out.TransactionRunner;
import org.modelregistry.ports.out.memory.InMemoryArtifactStore;
import org.modelregistry.ports.out.memory.InMemoryImportLeases;
import org.modelregistry.ports.out.memory.InMemoryRegisteredModelRepository;
import org.modelregistry.ports.out.memory.LockingTransactionRunner;
import org.modelregistry.ports.out.memory.ScriptedSourceFetcher;

/**
 * The real registration services over in-memory fakes: a repository, an artifact store, and a
 * source fetcher that answers from a script. Imports run in the background as in production, with
 * fast retries.
 */
final class RegistrationWorld implements AutoCloseable {

  static final long MAX_FILE_BYTES = 1 << 20;
  static final long MAX_MODEL_BYTES = 4 << 20;

  final InMemoryRegisteredModelRepository models = new InMemoryRegisteredModelRepository();
  final InMemoryArtifactStore store = new InMemoryArtifactStore();
  final ScriptedSourceFetcher fetcher = new ScriptedSourceFetcher();
  final ModelImporter importer;
  private final RegistrationUseCases useCases;

  RegistrationWorld(Clock clock) {
    // Read-modify-write must be atomic, as in a database, or progress records could overwrite a
    // concurrent update.
    TransactionRunner transactions = new LockingTransactionRunner();
    importer =
        new ModelImporter(
            models,
            transactions,
            store,
            fetcher,
            clock,
            new ImportSettings(
                2,
                MAX_FILE_BYTES,
                MAX_MODEL_BYTES,
                3,
                Duration.ofMillis(5),
                Duration.ofMillis(20),
                1024,
                ImportSettings.RestartPolicy.RESUME),
            // One node; the test clock ticks on every reading, so the claim lasts long.
            new ImportNode("http-test-node", new InMemoryImportLeases(models), Duration.ofDays(1)));
    AtomicInteger ids = new AtomicInteger();
    useCases =
        new RegistrationUseCases(
            new RegisterModelService(
                models,
                fetcher,
                importer,
                () -> "reg-%04d".formatted(ids.incrementAndGet()),
                clock),
            new GetRegisteredModelService(models, importer),
            new ListRegisteredModelsService(models),
            new UpdateRegisteredModelService(models, transactions, clock),
            new DeleteRegisteredModelService(models, transactions, store, importer),
            new ReadModelFileService(models, store));
  }

  RegistrationUseCases useCases() {
    return useCases;
  }

  /** The content the fake source serves for {@code file}. */
  static byte[] content(String file) {
    return ("content of " + file).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    importer.close();
  }
}
