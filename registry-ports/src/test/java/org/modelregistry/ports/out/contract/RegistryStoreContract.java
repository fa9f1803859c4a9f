package org.modelregistry.ports.out.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.modelregistry.domain.identity.Actor;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.identity.IdentityType;
import org.modelregistry.domain.model.Model;
import org.modelregistry.domain.template.Template;
import org.modelregistry.domain.testdata.TestModels;
import org.modelregistry.domain.testdata.TestTemplates;
import org.modelregistry.ports.out.ModelRepository;
import org.modelregistry.ports.out.TemplateRepository;
import org.modelregistry.ports.out.TransactionRunner;
import org.modelregistry.ports.paging.Page;
import org.modelregistry.ports.paging.PageCursor;
import org.modelregistry.ports.paging.PageRequest;

/**
 * What every contract suite of the registry's stores shares: a fresh store per test, obtained from
 * {@link #openStores()}, and helpers for racing threads and walking pages.
 */
public abstract class RegistryStoreContract {

  /** How long any concurrent step may take before the test fails instead of hanging. */
  protected static final long TIMEOUT_SECONDS = 60;

  protected static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  protected static final String OTHER_ACCOUNT = "acct-2";

  /** Sees every account's templates and models, as an administrator does. */
  protected static final Caller SEES_ALL =
      Caller.trusted(new Actor("auditor", IdentityType.USER), true);

  /** A member of {@code accounts} acting as {@code id}, no administrator. */
  protected static Caller member(String id, String... accounts) {
    return new Caller(
        Optional.of(new Actor(id, IdentityType.USER)), Set.of(accounts), Set.of(), false, false);
  }

  protected TemplateRepository templates;
  protected ModelRepository models;
  protected TransactionRunner transactions;
  private RegistryStores stores;

  /** Fresh, empty stores for one test; they are closed after it. */
  protected abstract RegistryStores openStores() throws Exception;

  @BeforeEach
  protected final void openFreshStores() throws Exception {
    stores = openStores();
    templates = stores.templates();
    models = stores.models();
    transactions = stores.transactions();
  }

  @AfterEach
  protected final void closeStores() throws Exception {
    if (stores != null) {
      stores.close();
    }
  }

  protected static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }

  protected Template stored(TestTemplates builder) {
    Template template = builder.build();
    templates.insert(template);
    return template;
  }

  protected Model stored(TestModels builder) {
    Model model = builder.build();
    models.insert(model);
    return model;
  }

  protected static <T> List<String> ids(List<T> items, Function<T, String> id) {
    return items.stream().map(id).toList();
  }

  /**
   * Runs {@code task} on {@code threads} threads released at the same moment and returns, per
   * thread, what it threw (empty when it succeeded).
   */
  protected static List<Optional<Throwable>> race(int threads, IntConsumer task) throws Exception {
    var start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      var futures = new ArrayList<Future<Optional<Throwable>>>();
      for (int i = 0; i < threads; i++) {
        int thread = i;
        futures.add(
            pool.submit(
                () -> {
                  start.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                  try {
                    task.accept(thread);
                    return Optional.<Throwable>empty();
                  } catch (RuntimeException e) {
                    return Optional.<Throwable>of(e);
                  }
                }));
      }
      var outcomes = new ArrayList<Optional<Throwable>>();
      for (var future : futures) {
        outcomes.add(future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Lists every page with keyset cursors from the first one on, running {@code beforeNextPage}
   * before each request after the first, and returns the items in the order they came.
   */
  protected static <T> List<T> walkWithCursors(
      Function<PageRequest, Page<T>> list, int limit, Runnable beforeNextPage) {
    var seen = new ArrayList<T>();
    Page<T> page = list.apply(PageRequest.first(limit));
    seen.addAll(page.items());
    // Bounded, so that a cursor that never advances fails the test instead of looping forever.
    for (int pages = 1; page.nextCursor().isPresent(); pages++) {
      assertThat(pages).as("pages walked").isLessThan(10_000);
      assertThat(page.items()).as("a page with a next cursor is full").hasSize(limit);
      PageCursor cursor = page.nextCursor().get();
      beforeNextPage.run();
      page = list.apply(PageRequest.after(cursor, limit));
      seen.addAll(page.items());
    }
    return seen;
  }

  /**
   * Walks every page with cursors while {@code writers} threads call {@code insertOne} (with a
   * running number) concurrently. Between two pages the walk waits until at least one more row was
   * inserted, unless every writer has finished, so that the walk and the writes interleave for
   * certain. Returns the walked items.
   */
  protected static <T> List<T> walkWhileInserting(
      Function<PageRequest, Page<T>> list,
      int limit,
      int writers,
      int insertsPerWriter,
      IntConsumer insertOne)
      throws Exception {
    var progress = new WriteProgress();
    var failures = Collections.synchronizedList(new ArrayList<Throwable>());
    var start = new CyclicBarrier(writers + 1);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      for (int w = 0; w < writers; w++) {
        int writer = w;
        pool.submit(
            () -> {
              try {
                start.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                for (int i = 0; i < insertsPerWriter && !progress.stopped(); i++) {
                  insertOne.accept(writer * insertsPerWriter + i);
                  progress.inserted();
                }
              } catch (Throwable e) {
                failures.add(e);
              } finally {
                progress.writerDone();
              }
              return null;
            });
      }
      start.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      progress.awaitInsertAfter(0, writers);
      List<T> seen =
          walkWithCursors(
              list,
              limit,
              () -> {
                try {
                  progress.awaitInsertAfter(progress.count(), writers);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  throw new IllegalStateException(e);
                }
              });
      progress.stop();
      pool.shutdown();
      assertThat(pool.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
      assertThat(failures).as("writer failures").isEmpty();
      assertThat(progress.count()).as("rows inserted while walking").isPositive();
      return seen;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Counts concurrent inserts so that a reader can wait for the next one without sleeping. */
  private static final class WriteProgress {
    private long inserted;
    private int writersDone;
    private boolean stopped;

    synchronized void inserted() {
      inserted++;
      notifyAll();
    }

    synchronized void writerDone() {
      writersDone++;
      notifyAll();
    }

    synchronized void stop() {
      stopped = true;
    }

    synchronized boolean stopped() {
      return stopped;
    }

    synchronized long count() {
      return inserted;
    }

    /** Waits until more than {@code seen} rows were inserted or every writer has finished. */
    synchronized void awaitInsertAfter(long seen, int writers) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
      while (inserted <= seen && writersDone < writers) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new IllegalStateException("no concurrent insert within " + TIMEOUT_SECONDS + "s");
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
    }
  }
}
