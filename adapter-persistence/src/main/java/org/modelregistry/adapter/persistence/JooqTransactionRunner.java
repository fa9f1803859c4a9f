package org.modelregistry.adapter.persistence;

import java.util.Objects;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.modelregistry.ports.out.TransactionRunner;

/**
 * Transactions bound to the calling thread (jOOQ's {@code ThreadLocalTransactionProvider}), so that
 * the repositories' statements inside {@link #inTransaction} run on its connection. A nested call
 * becomes a savepoint: it rolls back alone if it fails, and commits only with the outer one.
 */
final class JooqTransactionRunner implements TransactionRunner {

  private final DSLContext dsl;

  JooqTransactionRunner(DSLContext dsl) {
    this.dsl = dsl;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    Objects.requireNonNull(work, "work");
    // What the work threw is what the caller must see, so a ConflictException raised inside
    // arrives as itself; jOOQ may rethrow it wrapped, or add its own failure to roll back.
    var thrownByWork = new Throwable[1];
    try {
      return dsl.transactionResult(
          () -> {
            try {
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
