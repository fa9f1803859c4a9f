package org.modelregistry.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modelregistry.domain.testdata.TestModels.aModel;
import static org.modelregistry.domain.testdata.TestTemplates.aTemplate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.identity.Actor;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.identity.IdentityType;
import org.modelregistry.domain.model.Model;
import org.modelregistry.domain.template.Template;
import org.modelregistry.ports.in.TemplateQuery;
import org.modelregistry.ports.paging.PageRequest;

/** Concurrent use of one SQLite file, from threads and from separately opened databases. */
class SqliteConcurrencyTest {

  private static final long TIMEOUT_SECONDS = 60;

  @TempDir Path dir;
  private Database database;
  private ExecutorService pool;

  @BeforeEach
  void open() {
    database = SqliteFiles.open(dir);
    pool = Executors.newCachedThreadPool();
  }

  @AfterEach
  void close() {
    pool.shutdownNow();
    database.close();
  }

  @Test
  void givenReadThenWriteTransactionsOnManyThreads_running_serializesThemWithoutBusyErrors()
      throws Exception {
    int threads = 4;
    int transactionsEach = 8;
    var start = new CyclicBarrier(threads);
    var futures = new ArrayList<Future<?>>();
    for (int t = 0; t < threads; t++) {
      futures.add(
          pool.submit(
              () -> {
                start.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                for (int i = 0; i < transactionsEach; i++) {
                  // Each name depends on what the transaction read: two transactions that read
                  // the same count would collide on the name.
                  database
                      .transactions()
                      .inTransaction(
                          () -> {
                            long count = templateCount(database);
                            database
                                .templates()
                                .insert(aTemplate().withName("seq-" + count).build());
                            return null;
                          });
                }
                return null;
              }));
    }
    for (var future : futures) {
      future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    assertThat(templateCount(database)).isEqualTo(threads * transactionsEach);
  }

  @Test
  void givenOpenWriteTransaction_readsOnOtherThreads_proceedWithoutWaitingForIt() throws Exception {
    Template committed = aTemplate().build();
    database.templates().insert(committed);
    var written = new CountDownLatch(1);
    var readsDone = new CountDownLatch(1);

    Future<?> writer =
        pool.submit(
            () ->
                database
                    .transactions()
                    .inTransaction(
                        () -> {
                          database.templates().insert(aTemplate().build());
                          written.countDown();
                          await(readsDone);
                          return null;
                        }));
    assertThat(written.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();

    // The writer holds the write lock until these reads finish, so they finish only if reading
    // takes no write lock (no BEGIN IMMEDIATE). The wait is shorter than the busy timeout, so a
    // read queued behind the writer fails here instead of passing late.
    Future<Optional<Template>> read =
        pool.submit(() -> database.templates().findById(committed.id()));
    Future<Long> count = pool.submit(() -> templateCount(database));
    try {
      assertThat(read.get(SqliteVendor.BUSY_TIMEOUT_MILLIS / 2, TimeUnit.MILLISECONDS))
          .contains(committed);
      assertThat(count.get(SqliteVendor.BUSY_TIMEOUT_MILLIS / 2, TimeUnit.MILLISECONDS))
          .isEqualTo(1);
    } finally {
      readsDone.countDown();
    }
    writer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    assertThat(templateCount(database)).isEqualTo(2);
  }

  @Test
  void givenTemplateReadInTransaction_concurrentDelete_waitsForItThenConflicts() throws Exception {
    Template template = aTemplate().build();
    database.templates().insert(template);
    Model model = aModel().fromTemplate(template).build();
    var templateRead = new CountDownLatch(1);

    CompletableFuture<Void> create =
        CompletableFuture.runAsync(
            () ->
                database
                    .transactions()
                    .inTransaction(
                        () -> {
                          assertThat(database.templates().findById(template.id())).isPresent();
                          templateRead.countDown();
                          database.models().insert(model);
                          return null;
                        }),
            pool);
    assertThat(templateRead.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Boolean> delete =
        CompletableFuture.supplyAsync(() -> database.templates().delete(template.id()), pool);

    create.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    assertThatThrownBy(() -> delete.get(TIMEOUT_SECONDS, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(ConflictException.class);
    assertThat(database.models().findById(model.id())).contains(model);
    assertThat(database.templates().findById(template.id())).contains(template);
  }

  @Test
  void givenTwoDatabasesOnOneFile_racingInsertsOfOneName_exactlyOneWins() throws Exception {
    int threads = 6;
    try (Database other = SqliteFiles.open(dir)) {
      List<Database> databases = List.of(database, other);
      var start = new CyclicBarrier(threads);
      var futures = new ArrayList<Future<Optional<Throwable>>>();
      for (int t = 0; t < threads; t++) {
        Database target = databases.get(t % 2);
        futures.add(
            pool.submit(
                () -> {
                  start.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                  try {
                    target.templates().insert(aTemplate().withName("contested").build());
                    return Optional.<Throwable>empty();
                  } catch (RuntimeException e) {
                    return Optional.<Throwable>of(e);
                  }
                }));
      }
      var failures = new ArrayList<Throwable>();
      for (var future : futures) {
        future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS).ifPresent(failures::add);
      }

      assertThat(failures)
          .hasSize(threads - 1)
          .allMatch(e -> e instanceof ConflictException, "is a ConflictException");
      assertThat(templateCount(other)).isEqualTo(1);
    }
  }

  private static long templateCount(Database database) {
    return database
        .templates()
        .list(
            new TemplateQuery(
                Caller.trusted(new Actor("auditor", IdentityType.USER), true),
                Optional.empty(),
                PageRequest.first(1)))
        .totalItemCount();
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new IllegalStateException("timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
