package org.modelregistry.ports.out.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.modelregistry.ports.in.workspace.TextMatch;

/** Text matches and racing threads for the workspace contract suites. */
final class WorkspaceTexts {

  private static final int TIMEOUT_SECONDS = 30;

  private WorkspaceTexts() {}

  static TextMatch eq(String value) {
    return TextMatch.equalTo(value);
  }

  static TextMatch like(String pattern) {
    return new TextMatch(Optional.empty(), Optional.of(pattern), List.of(), List.of());
  }

  static TextMatch in(String... values) {
    return new TextMatch(Optional.empty(), Optional.empty(), List.of(values), List.of());
  }

  static TextMatch notIn(String... values) {
    return new TextMatch(Optional.empty(), Optional.empty(), List.of(), List.of(values));
  }

  /** Runs {@code task} on {@code threads} threads released together; what each threw, if any. */
  static List<Optional<Throwable>> race(int threads, IntConsumer task) throws Exception {
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
}
