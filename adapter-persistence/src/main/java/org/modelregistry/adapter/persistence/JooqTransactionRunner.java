package org.modelregistry.adapter.persistence;

import java.util.Objects;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.modelregistry.ports.out.TransactionRunner;

/**
 * Transactions bound to the calling thread (jOOQ's {@code ThreadLocalTransactionProvider}), so that
 * the repositories' statements inside {@link #inTransaction} run on its connection. A nested call
 * becomes a savepoint: it rolls back alone if it fails, and commits only with the outer one. An
 * outermost transaction that loses a race the database detected (PostgreSQL's serialization
 * failures) runs again from the start, a bounded number of times: its work must then be safe to
 * repeat, as work that only reads and writes the database is.
 */
final class JooqTransactionRunner implements TransactionRunner {

  /** Runs of one transaction before its last failure is the caller's. */
  static final int MAX_ATTEMPTS = 20;

  private final DSLContext dsl;
  private final DatabaseVendor vendor;
  private final ThreadLocal<Boolean> inside = ThreadLocal.withInitial(() -> false);

  JooqTransactionRunner(DSLContext dsl, DatabaseVendor vendor) {
    this.dsl = dsl;
    this.vendor = vendor;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    Objects.requireNonNull(work, "work");
    if (inside.get()) {
      return once(work, false);
    }
    inside.set(true);
    try {
      for (int attempt = 1; ; attempt++) {
        try {
          return once(work, true);
        } catch (RuntimeException e) {
          if (attempt >= MAX_ATTEMPTS || !vendor.isRetryable(e)) {
            throw e;
          }
          backOff(attempt);
        }
      }
    } finally {
      inside.remove();
    }
  }

  /** A short random pause that grows with the attempts, so that racing retries spread out. */
  private static void backOff(int attempt) {
    long millis = java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 2L + 5L * attempt);
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while retrying a transaction", e);
    }
  }

  private <T> T once(Supplier<T> work, boolean outermost) {
    // What the work threw is what the caller must see, so a ConflictException raised inside
    // arrives as itself; jOOQ may rethrow it wrapped, or add its own failure to roll back.
    var thrownByWork = new Throwable[1];
    try {
      return dsl.transactionResult(
          () -> {
            try {
              if (outermost) {
                vendor.startTransaction(dsl);
              }
              return work.get();
            } catch (RuntimeException | Error e) {
              thrownByWork[0] = e;
              throw e;
            }
          });
    } catch (RuntimeException | Error e) {
      Throwable original = thrownByWork[0];
      if (original == null || original == e) {
        throw e;
      }
      // A failure to roll back is worth keeping; jOOQ's mere wrapper of the original is not.
      if (!isCausedBy(e, original)) {
        original.addSuppressed(e);
      }
      if (original instanceof Error error) {
        throw error;
      }
      throw (RuntimeException) original;
    }
  }

  private static boolean isCausedBy(Throwable failure, Throwable cause) {
    for (Throwable t = failure.getCause(); t != null; t = t.getCause()) {
      if (t == cause) {
        return true;
      }
    }
    return false;
  }
}
